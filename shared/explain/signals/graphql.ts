import { viewSlice } from '../body-view';
import { rule } from '../rule';
import type { CauseRule, Ctx, WeightedEvidence } from '../types';
import { asRecord } from './json-values';

// GraphQL servers answer 200 (or 400) with errors[] whatever happened; the refusal is in the error's
// machine code: extensions.code (Apollo, graphql-shield, Hasura-like servers) or a top-level type
// (GitHub's "type": "FORBIDDEN"). Codes of validation or resolver failures are not refusals.

const DENIED = /^(FORBIDDEN|ACCESS_DENIED|PERMISSION_DENIED|INSUFFICIENT_PERMISSIONS?|NOT_AUTHORI[SZ]ED|INSUFFICIENT_SCOPES?|MISSING_SCOPES?)$/i;
const UNAUTHENTICATED = /^(UNAUTHENTICATED|UNAUTHORI[SZ]ED|AUTH_NOT_AUTHENTICATED|AUTHENTICATION_REQUIRED|INVALID_TOKEN|TOKEN_EXPIRED)$/i;
const THROTTLED = /^(THROTTLED|RATE_LIMITED|RATE_LIMIT_EXCEEDED|TOO_MANY_REQUESTS)$/i;

/** The machine codes of a GraphQL response's errors[] (extensions.code, extensions.errorCode, type). */
function errorCodes(json: unknown): string[] {
  const root = asRecord(json);
  const inner = asRecord(root?.error);
  // a printed errors list (`errors: [ { type: 'FORBIDDEN', … } ]`) recovers as the bare array
  // and one pasted error object (message with a path or extensions) as itself
  const single = root && typeof root.message === 'string' && ('path' in root || 'extensions' in root) ? [root] : null;
  const errors = Array.isArray(json) ? json : Array.isArray(root?.errors) ? root.errors : Array.isArray(inner?.errors) ? inner.errors : single;
  if (!errors) return [];
  const out: string[] = [];
  for (const e of errors.slice(0, 10)) {
    const r = asRecord(e);
    if (!r) continue;
    const ext = asRecord(r.extensions);
    for (const v of [ext?.code, ext?.errorCode, ext?.classification, r.type]) if (typeof v === 'string') out.push(v);
  }
  return out;
}

/** Where a code occurs in the body (or its view) as a quoted value. */
function locate(ctx: Ctx, code: string): string | null {
  const quoted = new RegExp(`["']${code}["']`);
  const m = quoted.exec(ctx.body);
  if (m) return m[0];
  const v = ctx.view ? quoted.exec(ctx.view.text) : null;
  return v && ctx.view ? viewSlice(ctx.body, ctx.view, v.index, v.index + v[0].length) : null;
}

function codeMatching(re: RegExp) {
  return (ctx: Ctx): WeightedEvidence[] | null => {
    if (ctx.json === undefined) return null;
    for (const code of errorCodes(ctx.json)) {
      if (!re.test(code)) continue;
      const text = locate(ctx, code);
      if (text) return [{ where: 'body', text, weight: 1 }];
    }
    return null;
  };
}

export const GRAPHQL_RULES: CauseRule[] = [
  rule('insufficient-permissions', 0.7, codeMatching(DENIED), {
    blocks: true, why: 'the GraphQL error code says the caller may not read or change this field or operation (FORBIDDEN); GraphQL servers send it with 200',
    fix: 'Check the role or scopes of the token against the field named in the error\'s path, or ask for the permission.',
  }),
  rule('missing-credentials', 0.6, codeMatching(UNAUTHENTICATED), {
    blocks: true, why: 'the GraphQL error code says the request was not authenticated (no token, or one the server did not accept)',
  }),
  rule('invalid-credentials', 0.5, codeMatching(UNAUTHENTICATED)),
  rule('rate-limited', 0.75, codeMatching(THROTTLED), { blocks: true, why: 'the GraphQL error code says the query cost or rate limit was exceeded' }),
];
