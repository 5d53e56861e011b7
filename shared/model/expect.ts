import { z } from 'zod';
import { parseJsonPath } from './json-path';

/**
 * `expect:` in a request file: what `clearance run` checks of the response. Every key is strict: a
 * misspelt key is a load error naming the file, line and key, never an assertion silently skipped.
 *
 *   expect:
 *     status: 2xx                  # a number, a class, or a list of either
 *     headers:
 *       content-type: { matches: "^application/json" }
 *       cache-control: no-store    # equals (case-sensitive value, case-insensitive name)
 *       x-debug: { exists: false }
 *     body: { contains: ["orders", "total"] }
 *     json:
 *       data.items[0].id: 42       # equals (deep, types strict)
 *       data.next: { exists: false }
 *     maxTimeMs: 800
 */
export const EXPECT_KEYS = ['status', 'headers', 'body', 'json', 'maxTimeMs'] as const;

const StatusSchema = z.union([
  z.number().int().min(100).max(599),
  z.string().regex(/^[1-5]xx$/, 'a status class is written like "2xx"'),
]);

const RegexSchema = z.string().superRefine((s, ctx) => {
  try {
    new RegExp(s);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not a regular expression: ${(err as Error).message}` });
  }
});

const HeaderExpectSchema = z.union([
  z.string(),
  z.strictObject({ matches: RegexSchema }),
  z.strictObject({ exists: z.boolean() }),
]);

/** Paths are checked here rather than as record keys: a key's own message would be lost ("Invalid key in record"). */
function checkPaths(rec: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const p of Object.keys(rec)) {
    const parsed = parseJsonPath(p);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', path: [p], message: `JSON path ${parsed.error}` });
  }
}

/** A JSON expectation: `{ exists: bool }`, `{ equals: value }`, or the value itself (equals). */
const JsonExpectSchema = z.unknown().superRefine((v, ctx) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || !('exists' in v)) return;
  // An object holding `exists` is the existence check; anything else there is a mistake.
  const keys = Object.keys(v);
  if (keys.length !== 1 || typeof (v as { exists: unknown }).exists !== 'boolean') {
    ctx.addIssue({ code: 'custom', message: '{ exists: true|false } takes nothing else (to compare with an object holding "exists", write { equals: … })' });
  }
});

export const ExpectSchema = z.strictObject({
  /** expected status: a number, a class like "2xx", or a list of either */
  status: z.union([StatusSchema, z.array(StatusSchema).min(1)]).optional(),
  /** header name (any case) → the value it equals, { matches: regex } or { exists: bool } */
  headers: z.record(z.string().min(1), HeaderExpectSchema).optional(),
  /** text the body contains (one string or all of a list) */
  body: z.strictObject({ contains: z.union([z.string(), z.array(z.string()).min(1)]) }).optional(),
  /** JSON path → the value it equals, { equals: value } or { exists: bool } */
  json: z.record(z.string(), JsonExpectSchema).superRefine(checkPaths).optional(),
  /** the response (headers and body) within this many milliseconds */
  maxTimeMs: z.number().positive().optional(),
}, { error: (iss) => (iss.code === 'unrecognized_keys' ? `takes only ${EXPECT_KEYS.join(', ')}; unknown key` : undefined) });
export type Expect = z.infer<typeof ExpectSchema>;
export type StatusExpect = z.infer<typeof StatusSchema>;
