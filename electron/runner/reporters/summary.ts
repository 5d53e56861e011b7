// What every reporter says of a whole run, computed once: rows of total / passed / failed.
import type { RunSummary } from '../types';

/** A duration as people read it: whole milliseconds below a second, seconds from there (999.7 ms is 1.00 s, never "1000 ms"). */
export function ms(t: number): string {
  return Math.round(t) >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${Math.round(t)} ms`;
}

/** [label, total, passed, failed] for requests, then `expect:` checks and script tests when there are any. */
export function summaryRows(s: RunSummary): Array<[string, number, number, number]> {
  const rows: Array<[string, number, number, number]> = [['requests', s.passed + s.failed, s.passed, s.failed]];
  const a = s.assertions;
  if (a.passed + a.failed) rows.push(['assertions', a.passed + a.failed, a.passed, a.failed]);
  const t = s.tests;
  if (t.passed + t.failed) rows.push(['tests', t.passed + t.failed, t.passed, t.failed]);
  return rows;
}
