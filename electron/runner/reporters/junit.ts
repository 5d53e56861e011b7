// junit.xml: one testcase per request; a failure carries the status, the expectation and, for a
// refusal, the producer, cause, why and fix. Requests --bail did not run are listed as skipped.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isRefusal } from '../../../shared/explain/refusal';
import type { Reporter, RunReport, RunResult } from '../types';

const esc = (s: string): string =>
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const secs = (ms: number): string => (ms / 1000).toFixed(3);

function testcase(r: RunResult, suite: string): string {
  const open = `    <testcase name="${esc(`${r.method} ${r.name}`)}" classname="${esc(`${suite}.${r.path}`)}" time="${secs(r.timeMs)}"`;
  if (r.passed) return `${open}/>`;
  // the explanation of a plain 404 or 500 is no refusal: only a refusal names a refusing layer
  const e = r.explanation && isRefusal(r, r.explanation) ? r.explanation : undefined;
  const message = `${r.status ?? 'no response'}${r.reason ? `: ${r.reason}` : ''}`;
  const detail = [
    `${r.method} ${r.url}`,
    `status: ${r.status ?? 'none'}${r.expected !== undefined ? ` (expected ${r.expected})` : ''}`,
    ...(r.error ? [`error: ${r.error.code}: ${r.error.message}`] : []),
    ...(e ? [`refused by: ${e.producer ? `${e.producer.name} (${e.producer.kind})` : 'unidentified layer'}`, `cause: ${e.cause} (confidence ${e.confidence.toFixed(2)})`, `why: ${e.why}`, `fix: ${e.fix}`] : []),
  ].join('\n');
  return `${open}>\n      <failure message="${esc(message)}" type="${esc(e?.cause ?? r.error?.code ?? 'status')}">${esc(detail)}</failure>\n    </testcase>`;
}

export function junitXml(report: RunReport): string {
  const s = report.summary;
  const suite = report.collection;
  const cases = report.results.map((r) => testcase(r, suite));
  for (let i = 0; i < s.skipped; i++) cases.push(`    <testcase name="not run (--bail)" classname="${esc(suite)}" time="0"><skipped/></testcase>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="clearance run" tests="${s.total}" failures="${s.failed}" errors="0" skipped="${s.skipped}" time="${secs(s.durationMs)}">`,
    `  <testsuite name="${esc(suite)}" tests="${s.total}" failures="${s.failed}" errors="0" skipped="${s.skipped}" time="${secs(s.durationMs)}" timestamp="${report.startedAt}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

export function junitReporter(outDir: string): Reporter & { file: string } {
  const file = join(outDir, 'junit.xml');
  return {
    file,
    async finish(report: RunReport) {
      await mkdir(outDir, { recursive: true });
      await writeFile(file, junitXml(report));
    },
  };
}
