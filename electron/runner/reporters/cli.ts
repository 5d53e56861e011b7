// The terminal reporter: one line per request as it lands (a 403 in inverse red, a refusal's
// producer and cause under it), then the summary: passed, failed, refusals by cause.
import { isRefusal } from '../../../shared/explain/refusal';
import type { Palette } from '../../cli/output/colors';
import type { Reporter, RunReport, RunResult } from '../types';

export interface CliReporterOptions {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  palette: Palette;
}

function statusText(r: RunResult, p: Palette): string {
  if (r.status === null) return p.red('ERR');
  const s = String(r.status);
  if (r.status === 403) return p.inverseRed(` ${s} `);
  if (isRefusal(r, r.explanation) || r.status >= 400) return p.red(s);
  return r.status < 300 ? p.green(s) : p.yellow(s);
}

function ms(t: number): string {
  return t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${Math.round(t)} ms`;
}

export function resultLines(r: RunResult, p: Palette): string {
  const mark = r.passed ? p.green('✓') : p.red('✗');
  const lines = [`${mark} ${r.method.padEnd(6)} ${statusText(r, p)} ${p.bold(r.name)} ${p.dim(r.url)} ${p.dim(ms(r.timeMs))}`];
  const e = r.explanation;
  const refused = e !== undefined && isRefusal(r, e);
  if (refused) {
    const by = e.producer ? `${e.producer.name} (${e.producer.kind})` : 'an unidentified layer';
    const paint = r.passed ? p.dim : p.red;
    lines.push(`    ${paint(`↳ refused by ${by}: ${e.cause}`)}${r.passed ? p.dim(' (expected)') : ''}`);
    if (!r.passed) lines.push(`      ${p.bold('fix:')} ${e.fix}`);
  }
  if (!r.passed && r.reason && !(refused && r.expected === undefined)) lines.push(`    ${p.red(r.reason)}`);
  return lines.join('\n');
}

export function summaryLines(report: RunReport, p: Palette): string {
  const s = report.summary;
  const head = `${s.total} request${s.total === 1 ? '' : 's'} in ${ms(s.durationMs)}: ${p.green(`${s.passed} passed`)}, ${s.failed ? p.red(`${s.failed} failed`) : '0 failed'}`;
  const lines = [`\n${p.bold(report.collection)} ${head}${s.skipped ? p.yellow(`, ${s.skipped} not run (--bail)`) : ''}`];
  const causes = Object.entries(s.refusals).sort((a, b) => b[1] - a[1]);
  if (causes.length) {
    const by = new Map<string, Set<string>>();
    for (const r of report.results) if (r.explanation?.producer && isRefusal(r, r.explanation)) (by.get(r.explanation.cause) ?? by.set(r.explanation.cause, new Set()).get(r.explanation.cause)!).add(r.explanation.producer.name);
    lines.push(`refusals by cause: ${causes.map(([c, n]) => `${p.red(c)} ${n}${by.get(c)?.size ? p.dim(` (${[...by.get(c)!].join(', ')})`) : ''}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** On a TTY each line is written as it lands; otherwise lines are batched (a 500-request run is one write per 64 lines). */
export function cliReporter(o: CliReporterOptions): Reporter {
  let buf: string[] = [];
  const flush = (): void => {
    if (buf.length) o.out.write(`${buf.join('\n')}\n`);
    buf = [];
  };
  return {
    result(r) {
      buf.push(resultLines(r, o.palette));
      if (o.out.isTTY || buf.length >= 64) flush();
    },
    async finish(report) {
      flush();
      o.out.write(summaryLines(report, o.palette));
    },
  };
}
