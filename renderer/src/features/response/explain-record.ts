// The explainer's entry for the window, in its own chunk (response.store.ts imports it on the first response).
import { explain, type Explanation } from '../../../../shared/explain';
import { recordBodyText, type ResponseRecord } from '../../../../shared/model';

export function explainResponse(record: ResponseRecord): Explanation {
  return explain({ status: record.status, headers: record.headers, body: recordBodyText(record) });
}
