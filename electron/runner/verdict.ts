// Whether a result passed, and why not in one line. One place decides, from what the result holds:
// the send error, the `expect:` checks (a status expectation replaces the refusal rule), the refusal
// rule when there is no status expectation, and the scripts' tests. The script runner fills in
// `tests` and calls settle() again.
import { isRefusal } from '../../shared/explain/refusal';
import type { RunResult } from './types';

function statusText(expected: RunResult['expected']): string {
  return Array.isArray(expected) ? expected.join(' or ') : String(expected);
}

/** Sets `passed` and `reason` from the rest of the result; returns it. */
export function settle(r: RunResult): RunResult {
  // The common case, checked without building anything: no error, no refusal to count, nothing unmet.
  const refused = r.expected === undefined && r.explanation !== undefined && isRefusal(r, r.explanation);
  if (!r.error && !refused && !r.assertions?.some((a) => !a.passed) && !r.tests?.some((t) => !t.passed)) {
    r.passed = true;
    if (r.reason !== undefined) delete r.reason;
    return r;
  }
  const why: string[] = [];
  const hasStatus = r.expected !== undefined;
  if (r.error) why.push(hasStatus ? `expected ${statusText(r.expected)}, no response: ${r.error.message}` : r.error.message);
  else if (refused) why.push(`refused (${r.explanation!.cause})`);
  for (const a of r.assertions ?? []) {
    if (a.passed) continue;
    why.push(a.name === 'status' ? `expected ${a.expected}, got ${a.actual}` : `${a.name}: expected ${a.expected}, got ${a.actual}`);
  }
  for (const t of r.tests ?? []) if (!t.passed) why.push(`test "${t.name}" failed${t.error ? `: ${t.error}` : ''}`);
  r.passed = false;
  r.reason = why.join('; ');
  return r;
}
