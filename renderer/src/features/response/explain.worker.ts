// The explainer's worker (explain-record.ts starts it): one reply per request, in order.
import '../../lib/zod-jitless';
import { explain } from '../../../../shared/explain';
import { recordBodyText } from '../../../../shared/model';
import type { ExplainReply, ExplainRequest } from './explain-record';

const scope = self as unknown as { onmessage: ((e: MessageEvent<{ id: number; request: ExplainRequest }>) => void) | null; postMessage(m: ExplainReply): void };

scope.onmessage = (e) => {
  const { id, request } = e.data;
  try {
    scope.postMessage({ id, explanation: explain({ status: request.status, headers: request.headers, body: recordBodyText(request) }) });
  } catch (err) {
    scope.postMessage({ id, error: (err as Error).message });
  }
};
