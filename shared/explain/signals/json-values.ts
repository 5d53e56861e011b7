// Reading a parsed JSON body and pointing back at its text, shared by the signals that read JSON
// envelopes (json-envelope.ts, graphql.ts, error-code-tokens.ts).
import { viewSlice } from '../body-view';
import type { Ctx } from '../types';

/** The value as a plain object, or null (arrays and primitives are not records). */
export function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** Where a JSON string value occurs in the body: as written, JSON-escaped, or in the JSON-spelled view. */
export function locateValue(ctx: Ctx, value: string): string | null {
  if (ctx.body.includes(value)) return value;
  const escaped = JSON.stringify(value).slice(1, -1);
  if (ctx.body.includes(escaped)) return escaped;
  const at = ctx.view ? ctx.view.text.indexOf(value) : -1;
  return ctx.view && at >= 0 ? viewSlice(ctx.body, ctx.view, at, at + value.length) : null;
}

/** The top-level object of a JSON body (the first element of a top-level array), or null. */
export function jsonRoot(json: unknown): Record<string, unknown> | null {
  return asRecord(Array.isArray(json) ? json[0] : json);
}

/**
 * Top-level fields an error envelope has at most (Slack 3, Google 1, WeChat 2, AWS JSON 2-4): a success
 * answer's JSON with more is a record that describes an error (a CloudTrail event with "errorCode":
 * "AccessDenied", an audit-log row), not a refusal.
 */
export const ENVELOPE_MAX_FIELDS = 8;
