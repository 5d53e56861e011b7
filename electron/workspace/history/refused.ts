import { isRefusal, mayBeRefusal } from '../../../shared/explain/refusal';
import { explainInputOf, type ResponseRecord } from '../../../shared/model';

/** What history keeps of the explainer's verdict: the refusal rule's answer, and who refused why. */
export interface Verdict {
  refused: boolean;
  /** the producer's display name (Kong, Cloudflare…) */
  producer?: string;
  /** the cause id, when it is one (never 'none') */
  cause?: string;
}

/**
 * The one refusal rule, applied when a send is recorded, so history lists (app and CLI) mark a
 * 200 block page or a `{"ok":false}` refusal like the send itself did, and can be filtered by
 * producer and cause. The explainer loads only for responses that may be refusals.
 */
export async function refusedVerdict(rec: ResponseRecord): Promise<Verdict> {
  if (!mayBeRefusal(rec.status, rec.headers)) return { refused: isRefusal(rec, null) };
  const { explain } = await import('../../../shared/explain/explain');
  const x = explain(explainInputOf(rec));
  return { refused: isRefusal(rec, x), ...(x.producer ? { producer: x.producer.name } : {}), ...(x.cause !== 'none' ? { cause: x.cause } : {}) };
}
