// The explanation a run result carries: only for what may be a refusal (the one rule: 4xx/5xx, block
// pages and JSON refusals served with 2xx), with the explainer loaded on the first such response.
import { hostOf } from '../../shared/explain/host-of';
import { isRefusal, mayBeRefusal } from '../../shared/explain/refusal';
import type { Explanation } from '../../shared/explain/types';
import { explainInputOf, type RecordExplainInput, type ResponseRecord } from '../../shared/model';
import type { RunExplanation } from './types';

type ExplainModule = typeof import('../../shared/explain/explain');
let explainer: ExplainModule | undefined;
let lightGate: typeof import('../../shared/explain/light-gate') | undefined;

const explained = new Map<string, RunExplanation | null>();

/** Kept for refusals and for any 4xx/5xx (a failed expectation still says what answered). */
function toRunExplanation(e: Explanation, status: number): RunExplanation | undefined {
  if (!isRefusal({ status }, e) && status < 400) return undefined;
  return { blocked: e.blocked, producer: e.producer ? { id: e.producer.id, kind: e.producer.kind, name: e.producer.name, namedBy: e.producer.namedBy } : null, cause: e.cause, confidence: e.confidence,
    reason: e.reason, why: e.why, fix: e.fix };
}

/**
 * The response's explanation, worked out once the current chain of work has run: the runner sends
 * the next request first (run.ts), so the explainer's work (~0.2 ms a refusal in a fresh process,
 * its chunk and first regular expressions once) overlaps the next round trip instead of preceding it.
 */
export function explainLater(rec: ResponseRecord): Promise<RunExplanation | undefined> {
  if (!mayBeRefusal(rec.status, rec.headers)) return Promise.resolve(undefined);
  const req = explainInputOf(rec);
  // Two turns of the event loop: undici writes a request to an idle keep-alive socket one turn after
  // it is dispatched (it first checks that the server has not closed the socket meanwhile).
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve))).then(() => explainResponse(req));
}

async function explainResponse(rec: RecordExplainInput): Promise<RunExplanation | undefined> {
  const body = rec.body;
  if (rec.status < 400) {
    // most success answers are ruled out by the build's gate data, without loading the registry
    lightGate ??= await import('../../shared/explain/light-gate');
    if (lightGate.surelyNotBlocked({ status: rec.status, headers: rec.headers, body })) return undefined;
  }
  explainer ??= await import('../../shared/explain/explain');
  // a success status is kept only as a refusal: mayBeBlocked() rules that out for most without explaining
  if (rec.status < 400 && !explainer.mayBeBlocked({ status: rec.status, headers: rec.headers, body })) return undefined;
  // explain() is pure and never reads Date: a run that meets the same refusal again reuses the answer,
  // so Date (new every second) stays out of the key.
  // the host, as explain() reads it, is in the key: it names the service when the response names no layer
  const key = body.length <= 4096 ? `${rec.url ? hostOf(rec.url) ?? '' : ''}\n${rec.status}\n${JSON.stringify(rec.headers.filter(([n]) => n.toLowerCase() !== 'date'))}\n${body}` : undefined;
  const cached = key === undefined ? undefined : explained.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const value = toRunExplanation(explainer.explain(rec), rec.status);
  if (key !== undefined) {
    if (explained.size >= 256) explained.clear();
    explained.set(key, value ?? null);
  }
  return value;
}
