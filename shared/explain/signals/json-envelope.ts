import { rule } from '../rule';
import type { CauseRule, Ctx, WeightedEvidence } from '../types';
import { asRecord, jsonRoot, locateValue } from './json-values';

const DENIAL = /频繁|白名单|签名(错误|验证失败)|无权限|没有权限|权限不足|access (is )?denied|permission[_ ]denied|does not have permission|forbidden|not authori[sz]ed|unauthori[sz]ed|unauthenticated|request (was )?(denied|blocked)|not allowed|invalid (api[ -]?key|token|credentials)|authentication (failed|required)|rate limit|too many requests/i;
const ERROR_STATUS = /^(error|fail(ure|ed)?|denied|forbidden|unauthori[sz]ed|request_denied|permission_denied|unauthenticated)$/i;

/** Top-level error strings of common JSON envelopes: error, message, code, reason, errors[], error.status, error.details[]. */
export function envelopeStrings(json: unknown): string[] {
  const root = jsonRoot(json);
  if (!root) return [];
  const out: string[] = [];
  const push = (v: unknown): void => {
    if (typeof v === 'string' && v) out.push(v);
    else if (typeof v === 'number') out.push(String(v));
  };
  for (const key of ['error', 'message', 'msg', 'code', 'reason', 'detail', 'title', 'error_description', 'errorCode', 'errorSummary', 'status', 'fault']) {
    const v = root[key];
    push(v);
    const obj = asRecord(v);
    if (obj) {
      for (const k of ['message', 'code', 'status', 'reason', 'type', 'faultstring']) push(obj[k]);
      if (Array.isArray(obj.details)) for (const d of obj.details) { const r = asRecord(d); if (r) push(r.reason); }
      if (Array.isArray(obj.errors)) for (const d of obj.errors) { const r = asRecord(d); if (r) { push(r.reason); push(r.message); } }
    }
  }
  if (Array.isArray(root.errors)) {
    for (const e of root.errors.slice(0, 5)) {
      push(e);
      const r = asRecord(e);
      if (r) for (const k of ['message', 'code', 'reason', 'detail', 'title']) push(r[k]);
    }
  }
  return out;
}

/**
 * An error field that holds something: many APIs always send "error": null (or false, "", []) beside
 * a success payload, and a message that merely mentions authentication is then no refusal.
 */
function present(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  return !(typeof v === 'object' && Object.keys(v).length === 0);
}

/** A 200 (or other non-refusal status) whose top-level JSON envelope says the request was denied. */
function deniedEnvelope(ctx: Ctx): WeightedEvidence[] | null {
  if (ctx.json === undefined || ctx.status >= 400) return null;
  const root = asRecord(ctx.json);
  if (!root) return null;
  const hasErrorShape = present(root.error) || present(root.errors) || root.success === false || root.ok === false
    || (typeof root.status === 'string' && ERROR_STATUS.test(root.status))
    // a business error code in the body of a 200 ({"code":403,"msg":…}, {"code":-1,"msg":…})
    || (typeof root.code === 'number' && (root.code >= 400 || root.code < 0));
  if (!hasErrorShape) return null;
  for (const s of envelopeStrings(root)) {
    const m = DENIAL.exec(s);
    if (!m) continue;
    const text = locateValue(ctx, s);
    if (text) return [{ where: 'body', text, weight: 1 }];
  }
  return null;
}

export const JSON_ENVELOPE_RULES: CauseRule[] = [
  rule('other', 0.35, deniedEnvelope, {
    blocks: true,
    why: 'the status says success but the JSON error envelope says the request was denied',
  }),
];
