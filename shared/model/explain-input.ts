import type { ExplainInput } from '../explain/types';
import { recordBodyText, type ResponseRecord } from './response-record';

/**
 * What the explainer reads of a recorded response, the same for the app, the CLI, the runner, the
 * matrix and the diagnosis: status, headers, the body as text (a body on disk: its preview) and the
 * URL, whose host names the service when the answer itself names no layer.
 */
/** The explainer's input made from a record: headers as the record keeps them, the body as text. */
export type RecordExplainInput = ExplainInput & { headers: ResponseRecord['headers']; body: string };

export function explainInputOf(
  rec: Pick<ResponseRecord, 'status' | 'headers' | 'body'> & { url?: string },
  body: string = recordBodyText(rec),
): RecordExplainInput {
  return rec.url ? { status: rec.status, headers: rec.headers, body, url: rec.url } : { status: rec.status, headers: rec.headers, body };
}
