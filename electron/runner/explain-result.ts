// The explanation a run result carries: only for what may be a refusal (the one rule: 4xx/5xx, block
// pages and JSON refusals served with 2xx), with the explainer loaded on the first such response.
import { isRefusal, mayBeRefusal } from '../../shared/explain/refusal';
import type { Explanation } from '../../shared/explain/types';
import { recordBodyText, type ResponseRecord } from '../../shared/model';
import type { RunExplanation } from './types';

type ExplainModule = typeof import('../../shared/explain/explain');
let explainer: ExplainModule | undefined;

const explained = new Map<string, RunExplanation | null>();

/** Kept for refusals and for any 4xx/5xx (a failed expectation still says what answered). */
function toRunExplanation(e: Explanation, status: number): RunExplanation | undefined {
  if (!isRefusal({ status }, e) && status < 400) return undefined;
  return { blocked: e.blocked, producer: e.producer ? { id: e.producer.id, kind: e.producer.kind, name: e.producer.name } : null, cause: e.cause, confidence: e.confidence,
    reason: e.reason, why: e.why, fix: e.fix };
}

export async function explainIfRefusal(rec: ResponseRecord): Promise<RunExplanation | undefined> {
  if (!mayBeRefusal(rec.status, rec.headers)) return undefined;
  explainer ??= await import('../../shared/explain/explain');
  const body = recordBodyText(rec);
  // a success status is kept only as a refusal: mayBeBlocked() rules that out for most without explaining
  if (rec.status < 400 && !explainer.mayBeBlocked({ status: rec.status, headers: rec.headers, body })) return undefined;
  // explain() is pure and never reads Date: a run that meets the same refusal again reuses the answer,
  // so Date (new every second) stays out of the key.
  const key = body.length <= 4096 ? `${rec.status}\n${JSON.stringify(rec.headers.filter(([n]) => n.toLowerCase() !== 'date'))}\n${body}` : undefined;
  const cached = key === undefined ? undefined : explained.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const value = toRunExplanation(explainer.explain({ status: rec.status, headers: rec.headers, body }), rec.status);
  if (key !== undefined) {
    if (explained.size >= 256) explained.clear();
    explained.set(key, value ?? null);
  }
  return value;
}
