// junit.xml (valid against the JUnit schema Jenkins reads, junit-10.xsd): one testcase per request;
// a failure carries the status, each failed check and test and, for a refusal, the producer, cause,
// why and fix; every check, test, wait and unsupported script feature is in the case's system-out.
// Requests --bail did not run are listed as skipped.
import { isRefusal } from '../../../shared/explain/refusal';
import { producerLabel } from '../../../shared/explain/named-by';
import type { Reporter, RunReport, RunResult } from '../types';
import { fileReporter } from './file';
import { markup } from './escape';
import { ms } from './summary';

const esc = markup;

const secs = (t: number): string => (t / 1000).toFixed(3);

/** Checks, tests, waits and unsupported features, one per line. */
function detail(r: RunResult): string[] {
  return [
    ...(r.assertions ?? []).map((a) => `${a.passed ? 'passed' : 'FAILED'}: ${a.name}: expected ${a.expected}, got ${a.actual}`),
    ...(r.tests ?? []).map((t) => `${t.passed ? 'passed' : 'FAILED'}: test ${t.name}${t.error ? `: ${t.error}` : ''}`),
    ...(r.pacedMs !== undefined ? [`waited ${ms(r.pacedMs)} as the server asked: ${r.pacedWhy ?? ''}`] : []),
    ...(r.retried ? [`sent again after a ${r.retried.status}`] : []),
    ...(r.unsupported?.length ? [`unsupported (not run): ${r.unsupported.join(', ')}`] : []),
  ];
}

function testcase(r: RunResult, suite: string): string {
  const name = `${r.method} ${r.name}${r.iteration !== undefined ? ` [iteration ${r.iteration}]` : ''}`;
  const open = `    <testcase name="${esc(name)}" classname="${esc(`${suite}.${r.path}`)}" time="${secs(r.timeMs)}"`;
  const lines = detail(r);
  const out = lines.length ? `      <system-out>${esc(lines.join('\n'))}</system-out>\n` : '';
  if (r.passed) return out ? `${open}>\n${out}    </testcase>` : `${open}/>`;
  // the explanation of a plain 404 or 500 is no refusal: only a refusal names a refusing layer
  const e = r.explanation && isRefusal(r, r.explanation) ? r.explanation : undefined;
  const message = `${r.status ?? 'no response'}${r.reason ? `: ${r.reason}` : ''}`;
  const text = [
    `${r.method} ${r.url}`,
    `status: ${r.status ?? 'none'}${r.expected !== undefined ? ` (expected ${[r.expected].flat().join(' or ')})` : ''}`,
    ...(r.error ? [`error: ${r.error.code}: ${r.error.message}`] : []),
    ...(e ? [`refused by: ${producerLabel(e.producer)}`, `cause: ${e.cause} (confidence ${e.confidence.toFixed(2)})`, `why: ${e.why}`, `fix: ${e.fix}`] : []),
    ...lines.filter((l) => l.startsWith('FAILED')),
  ].join('\n');
  const type = e?.cause ?? r.error?.code ?? ((r.assertions ?? []).some((a) => !a.passed) ? 'assertion' : (r.tests ?? []).some((t) => !t.passed) ? 'test' : 'status');
  return `${open}>\n      <failure message="${esc(message)}" type="${esc(type)}">${esc(text)}</failure>\n${out}    </testcase>`;
}

export function junitXml(report: RunReport): string {
  const s = report.summary;
  const suite = report.collection;
  const cases = report.results.map((r) => testcase(r, suite));
  for (let i = 0; i < s.skipped; i++) cases.push(`    <testcase name="not run (--bail)" classname="${esc(suite)}" time="0"><skipped/></testcase>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="clearance run" tests="${s.total}" failures="${s.failed}" errors="0" time="${secs(s.durationMs)}">`,
    `  <testsuite name="${esc(suite)}" tests="${s.total}" failures="${s.failed}" errors="0" skipped="${s.skipped}" time="${secs(s.durationMs)}" timestamp="${report.startedAt}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

export function junitReporter(outDir: string): Reporter & { file: string } {
  return fileReporter(outDir, 'junit.xml', junitXml);
}
