// Shared by the property tests: one seed (FUZZ_SEED), a run count scaled by FUZZ_SCALE (the long
// run: FUZZ_SCALE=100), mutations of real samples, and a tally printed per surface so the README's
// figures come from a run anyone can repeat.
import fc from 'fast-check';
import { isErrorCode } from '../../shared/errors/codes';

export const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

export type Outcome = 'ok' | 'user-error';

/** A test's time limit, scaled with its input count (a long run takes FUZZ_SCALE times longer). */
export const timeLimit = (ms: number): number => Math.round(ms * Math.max(1, SCALE));

/** Runs `prop` on `numRuns` inputs (× FUZZ_SCALE) from one seed; a failure prints fast-check's counterexample and seed. */
export async function fuzz<T>(surface: string, arb: fc.Arbitrary<T>, prop: (v: T) => Outcome | Promise<Outcome>, numRuns: number): Promise<void> {
  const runs = Math.max(1, Math.round(numRuns * SCALE));
  const tally: Record<Outcome, number> = { ok: 0, 'user-error': 0 };
  let slowest = 0;
  await fc.assert(fc.asyncProperty(arb, async (v) => {
    const t = performance.now();
    tally[await prop(v)]++;
    slowest = Math.max(slowest, performance.now() - t);
  }), { numRuns: runs, seed: SEED, endOnFailure: true });
  console.log(`[fuzz] ${surface}: ${runs} inputs, seed ${SEED}, ${tally.ok} accepted, ${tally['user-error']} refused with a user error, 0 crashes, slowest ${slowest.toFixed(0)} ms`);
}

/** Rethrows anything that is not one of `classes` (a crash); a user error must carry a code from codes.ts when it has one. */
export function expectUserError(err: unknown, classes: ReadonlyArray<new (...a: never[]) => Error>): Outcome {
  if (!classes.some((c) => err instanceof c)) throw err;
  const e = err as { code?: unknown; info?: { code?: unknown } };
  const code = e.code ?? e.info?.code;
  if (code !== undefined && !(typeof code === 'string' && isErrorCode(code) || code === 'invalid-curl')) throw new Error(`user error with unknown code ${String(code)}`);
  const message = (err as Error).message;
  if (/Maximum call stack|is not a function|Cannot read prop|undefined \(reading/.test(message)) throw err;
  return 'user-error';
}

/** Strings that broke parsers before: deep nesting, prototype keys, NUL, lone surrogates, terminal escapes, YAML aliases. */
const NASTY = [
  '['.repeat(300), '{'.repeat(300), '__proto__', 'constructor', 'prototype', '\u0000', '\ud800', '\udfff', '\u001b[31m', '\u0007',
  '*nope', '&a [*a, *a]', '{{', '}}', '{{x}}', '\\', '"', "'", '`', '$(', '\r\n', '\n\n\n', '#', ': ', '- ', '%2e%2e/', '../..',
  'a'.repeat(5000), '_'.repeat(5000), '\n'.repeat(3000), ' '.repeat(3000), 'ht;tps://x', 'X:', 'http://', '0x', '-1', '1e999', 'NaN',
];

export const nasty = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }));

/** A text mutation of `sample`: truncation, a replaced slice, an inserted nasty string, a duplicated slice, a flipped character. */
export function mutatedText(sample: string): fc.Arbitrary<string> {
  const n = sample.length;
  const at = fc.nat({ max: n });
  return fc.oneof(
    at.map((i) => sample.slice(0, i)),
    fc.tuple(at, fc.nat({ max: 40 }), nasty).map(([i, len, s]) => sample.slice(0, i) + s + sample.slice(i + len)),
    fc.tuple(at, nasty).map(([i, s]) => sample.slice(0, i) + s + sample.slice(i)),
    fc.tuple(at, at).map(([a, b]) => sample.slice(0, Math.max(a, b)) + sample.slice(Math.min(a, b))),
    fc.tuple(at, fc.integer({ min: 0, max: 0xffff })).map(([i, c]) => sample.slice(0, i) + String.fromCharCode(c) + sample.slice(i + 1)),
  );
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function paths(v: unknown, prefix: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  out.push(prefix);
  if (out.length > 2000) return out;
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...prefix, k], out);
  return out;
}

const jsonish: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 2, arbitrary: nasty },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'name', 'url', 'method', 'auth', 'item', 'type', ''), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>) },
);

/** A structural mutation of a parsed document: one value anywhere replaced by random JSON (prototype keys and nasty strings included), or removed. */
export function mutatedJson(doc: unknown): fc.Arbitrary<unknown> {
  const all = paths(doc);
  return fc.tuple(fc.nat({ max: all.length - 1 }), jsonish, fc.boolean()).map(([i, value, remove]) => {
    const copy = structuredClone(doc) as Record<PropertyKey, unknown>;
    const path = all[i] ?? [];
    if (path.length === 0) return value;
    let node: Record<PropertyKey, unknown> = copy;
    for (const k of path.slice(0, -1)) node = node[k] as Record<PropertyKey, unknown>;
    const last = path[path.length - 1] as PropertyKey;
    if (remove) delete node[last];
    else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  });
}
