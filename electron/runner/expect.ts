// The `expect:` block of a request file checked against a response: one AssertionResult per check,
// in the file's order, each with what was expected and what came (short text, for every reporter).
import { readFile } from 'node:fs/promises';
import { parseJsonPath, readJsonPath } from '../../shared/model/json-path';
import type { Expect, ResponseRecord, StatusExpect } from '../../shared/model';
import type { AssertionResult } from './types';

const SHOWN = 200;

/** A value as a reporter shows it: JSON, cut to 200 characters. */
export function shown(v: unknown): string {
  const s = v === undefined ? '(absent)' : typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > SHOWN ? `${s.slice(0, SHOWN)}… (${s.length} characters)` : s;
}

/** Does a status meet one expectation (a number or a class like "2xx")? */
export function meetsStatus(status: number, expected: StatusExpect): boolean {
  return typeof expected === 'number' ? status === expected : String(status)[0] === expected[0];
}

export function meetsExpectation(status: number, expected: StatusExpect | StatusExpect[]): boolean {
  return Array.isArray(expected) ? expected.some((e) => meetsStatus(status, e)) : meetsStatus(status, expected);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Bodies past this are checked by their preview only: a string of gigabytes helps no one. */
const READ_BACK_LIMIT = 64 * 1024 * 1024;

/** The whole decoded body as text: inline, or read back from its file (a large body); null for binary. */
async function bodyText(rec: ResponseRecord): Promise<string | null> {
  if (rec.body.encoding !== 'utf8') return null;
  if (rec.body.kind === 'inline') return rec.body.data;
  // (a preview-only body comes from a request with no body check: run-one.ts asks for it only then)
  return rec.body.kind === 'preview' || rec.size.bodyDecoded > READ_BACK_LIMIT ? rec.body.preview : readFile(rec.body.path, 'utf8');
}

function headerChecks(spec: NonNullable<Expect['headers']>, rec: ResponseRecord): AssertionResult[] {
  return Object.entries(spec).map(([name, want]) => {
    const lower = name.toLowerCase();
    const values = rec.headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
    const actual = values.length ? values.map((v) => shown(v)).join(', ') : '(absent)';
    const label = `header ${lower}`;
    if (typeof want === 'string') return { name: label, passed: values.includes(want), expected: shown(want), actual };
    if ('exists' in want) return { name: label, passed: values.length > 0 === want.exists, expected: want.exists ? 'present' : 'absent', actual };
    const re = new RegExp(want.matches);
    return { name: label, passed: values.some((v) => re.test(v)), expected: `matches /${want.matches}/`, actual };
  });
}

function jsonChecks(spec: NonNullable<Expect['json']>, text: string | null): AssertionResult[] {
  let doc: unknown;
  let problem: string | undefined;
  if (text === null) problem = '(a binary body)';
  else {
    try {
      doc = JSON.parse(text);
    } catch (err) {
      problem = `(not JSON: ${(err as Error).message})`;
    }
  }
  return Object.entries(spec).map(([path, want]) => {
    const name = `json ${path}`;
    const exists = want !== null && typeof want === 'object' && !Array.isArray(want) && 'exists' in want ? (want as { exists: boolean }).exists : undefined;
    const equals = want !== null && typeof want === 'object' && !Array.isArray(want) && 'equals' in want && Object.keys(want).length === 1
      ? (want as { equals: unknown }).equals : want;
    const expected = exists === undefined ? shown(equals) : exists ? 'present' : 'absent';
    if (problem !== undefined) return { name, passed: false, expected, actual: problem };
    const parsed = parseJsonPath(path);
    // The schema rejected paths that do not parse; this guards a request built in memory (an import).
    if ('error' in parsed) return { name, passed: false, expected, actual: `(bad path: ${parsed.error})` };
    const hit = readJsonPath(doc, parsed.steps);
    const actual = hit.found ? shown(hit.value) : '(absent)';
    if (exists !== undefined) return { name, passed: hit.found === exists, expected, actual };
    return { name, passed: hit.found && deepEqual(hit.value, equals), expected, actual };
  });
}

/** Every check of the block, in order: status, headers, body, json, time. */
export async function checkExpect(spec: Expect, rec: ResponseRecord, timeMs: number): Promise<AssertionResult[]> {
  const out: AssertionResult[] = [];
  if (spec.status !== undefined) {
    const expected = Array.isArray(spec.status) ? spec.status.join(' or ') : String(spec.status);
    out.push({ name: 'status', passed: meetsExpectation(rec.status, spec.status), expected, actual: String(rec.status) });
  }
  if (spec.headers) out.push(...headerChecks(spec.headers, rec));
  const text = spec.body || spec.json ? await bodyText(rec) : null;
  if (spec.body) {
    for (const part of Array.isArray(spec.body.contains) ? spec.body.contains : [spec.body.contains]) {
      const passed = text !== null && text.includes(part);
      const actual = text === null ? '(a binary body)' : passed ? 'found' : `not found in ${text.length} characters`;
      out.push({ name: `body contains ${shown(part)}`, passed, expected: 'found', actual });
    }
  }
  if (spec.json) out.push(...jsonChecks(spec.json, text));
  if (spec.maxTimeMs !== undefined) {
    out.push({ name: 'time', passed: timeMs <= spec.maxTimeMs, expected: `≤ ${spec.maxTimeMs} ms`, actual: `${Math.round(timeMs)} ms` });
  }
  return out;
}
