// The terminal reporter: one line per request as it lands (a 403 in inverse red, a refusal's
// producer and cause under it, each failed check, the wait a server asked for), a progress line at
// the bottom on a TTY, then the summary: a table of requests/checks/tests, the waits, and every
// refusal with its one-line explanation.
import { isRefusal } from '../../../shared/explain/refusal';
import { producerLabel } from '../../../shared/explain/named-by';
import type { Palette } from '../../cli/output/colors';
import type { Reporter, RunReport, RunResult } from '../types';
import { ms, summaryRows } from './summary';

export interface CliReporterOptions {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  palette: Palette;
  /** the requests the run will send (iterations × requests), for the progress line */
  total?: number;
}

function statusText(r: RunResult, p: Palette): string {
  if (r.status === null) return p.red('ERR');
  const s = String(r.status);
  if (r.status === 403) return p.inverseRed(` ${s} `);
  if (isRefusal(r, r.explanation) || r.status >= 400) return p.red(s);
  return r.status < 300 ? p.green(s) : p.yellow(s);
}

/** What a result adds under its line: waits, failed checks and tests, unsupported script features. */
function detailLines(r: RunResult, p: Palette): string[] {
  const lines: string[] = [];
  if (r.pacedMs !== undefined) lines.push(`    ${p.yellow(`↳ waited ${ms(r.pacedMs)} as the server asked: ${r.pacedWhy ?? ''}`)}`);
  if (r.retried) lines.push(`    ${p.yellow(`↳ sent again after a ${r.retried.status} (Retry-After ${ms(r.retried.afterMs)})`)}`);
  for (const a of r.assertions ?? []) if (!a.passed) lines.push(`    ${p.red(`✗ ${a.name}: expected ${a.expected}, got ${a.actual}`)}`);
  for (const t of r.tests ?? []) lines.push(t.passed ? `    ${p.dim(`✓ ${t.name}`)}` : `    ${p.red(`✗ ${t.name}${t.error ? `: ${t.error}` : ''}`)}`);
  if (r.unsupported?.length) lines.push(`    ${p.yellow(`unsupported (not run): ${r.unsupported.join(', ')}`)}`);
  for (const l of r.logs ?? []) lines.push(`    ${p.dim(`│ ${l}`)}`);
  return lines;
}

export function resultLines(r: RunResult, p: Palette): string {
  const mark = r.passed ? p.green('✓') : p.red('✗');
  const it = r.iteration !== undefined ? `${p.dim(`#${r.iteration}`)} ` : '';
  const lines = [`${mark} ${it}${r.method.padEnd(6)} ${statusText(r, p)} ${p.bold(r.name)} ${p.dim(r.url)} ${p.dim(ms(r.timeMs))}`];
  const e = r.explanation;
  const refused = e !== undefined && isRefusal(r, e);
  if (refused) {
    const by = producerLabel(e.producer);
    const paint = r.passed ? p.dim : p.red;
    lines.push(`    ${paint(`↳ refused by ${by}: ${e.cause}`)}${r.passed ? p.dim(' (expected)') : ''}`);
    if (!r.passed) lines.push(`      ${p.bold('fix:')} ${e.fix}`);
  }
  lines.push(...detailLines(r, p));
  // The checks and tests are listed above; the reason is printed for what they do not say (a send error, a broken file).
  const listed = (r.assertions ?? []).some((a) => !a.passed) || (r.tests ?? []).some((t) => !t.passed);
  if (!r.passed && r.reason && !listed && !(refused && r.expected === undefined)) lines.push(`    ${p.red(r.reason)}`);
  return lines.join('\n');
}

export function summaryLines(report: RunReport, p: Palette): string {
  const s = report.summary;
  const head = `${s.total} request${s.total === 1 ? '' : 's'} in ${ms(s.durationMs)}: ${p.green(`${s.passed} passed`)}, ${s.failed ? p.red(`${s.failed} failed`) : '0 failed'}`;
  const lines = [`\n${p.bold(report.collection)} ${head}${s.skipped ? p.yellow(`, ${s.skipped} not run (--bail)`) : ''}`];
  const rows = summaryRows(s);
  const width = Math.max(...rows.map((r) => r[0].length));
  lines.push(`  ${''.padEnd(width)}  ${['total', 'passed', 'failed'].map((h) => h.padStart(7)).join('')}`);
  for (const [label, total, passed, failed] of rows) {
    lines.push(`  ${label.padEnd(width)}  ${String(total).padStart(7)}${String(passed).padStart(7)}${(failed ? p.red : (t: string) => t)(String(failed).padStart(7))}`);
  }
  if (s.iterations > 1) lines.push(`iterations: ${s.iterations}`);
  if (s.paced.requests) lines.push(p.yellow(`paced by the servers: ${s.paced.requests} request${s.paced.requests === 1 ? '' : 's'} waited ${ms(s.paced.totalMs)} in all${s.retried ? `; ${s.retried} sent again after a 429` : ''}`));
  const refused = report.results.filter((r) => r.explanation && isRefusal(r, r.explanation));
  if (refused.length) {
    const causes = Object.entries(s.refusals).sort((a, b) => b[1] - a[1]);
    const by = new Map<string, Set<string>>();
    for (const r of refused) if (r.explanation?.producer) (by.get(r.explanation.cause) ?? by.set(r.explanation.cause, new Set()).get(r.explanation.cause)!).add(r.explanation.producer.name);
    lines.push(`refusals by cause: ${causes.map(([c, n]) => `${p.red(c)} ${n}${by.get(c)?.size ? p.dim(` (${[...by.get(c)!].join(', ')})`) : ''}`).join(', ')}`);
    for (const r of refused) {
      const e = r.explanation!;
      lines.push(`  ${r.passed ? p.dim('✓') : p.red('✗')} ${r.name}${r.iteration !== undefined ? ` #${r.iteration}` : ''}: ${r.status} ${e.cause}${e.producer ? ` by ${e.producer.name}` : ''}: ${e.reason.text}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * On a TTY each line is written as it lands, under it a progress line that the next write replaces;
 * otherwise lines are batched (a 500-request run is one write per 64 lines).
 */
export function cliReporter(o: CliReporterOptions): Reporter {
  let buf: string[] = [];
  let seen = 0;
  let failed = 0;
  const tty = Boolean(o.out.isTTY);
  const flush = (): void => {
    if (buf.length) o.out.write(`${buf.join('\n')}\n`);
    buf = [];
  };
  const progress = (): string => (o.total ? `\r${o.palette.dim(`${seen}/${o.total} run${failed ? `, ${failed} failed` : ''}…`)}` : '');
  return {
    result(r) {
      seen++;
      if (!r.passed) failed++;
      buf.push(resultLines(r, o.palette));
      if (!tty) {
        if (buf.length >= 64) flush();
        return;
      }
      // Clear the progress line, write the result, draw the progress line again.
      o.out.write('\r\u001b[K');
      flush();
      o.out.write(progress());
    },
    async finish(report) {
      if (tty) o.out.write('\r\u001b[K');
      flush();
      o.out.write(summaryLines(report, o.palette));
    },
  };
}
