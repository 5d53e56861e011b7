import { isRefusal, mayBeRefusal } from '../../../shared/explain/refusal';
import { recordBodyText, type ResponseRecord } from '../../../shared/model';

/**
 * The one refusal rule, applied when a send is recorded, so history lists (app and CLI) mark a
 * 200 block page or a `{"ok":false}` refusal like the send itself did. The explainer loads only
 * for responses that may be refusals.
 */
export async function refusedVerdict(rec: ResponseRecord): Promise<boolean> {
  if (!mayBeRefusal(rec.status, rec.headers)) return isRefusal(rec, null);
  const { explain } = await import('../../../shared/explain/explain');
  return isRefusal(rec, explain({ status: rec.status, headers: rec.headers, body: recordBodyText(rec) }));
}
