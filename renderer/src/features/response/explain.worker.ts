// The explainer's worker (explain-record.ts starts it): one reply per request, in order.
import '../../lib/zod-jitless';
import { explain } from '../../../../shared/explain';
import { explainInputOf } from '../../../../shared/model';
import { serveCalls } from '../../lib/worker-calls';
import type { ExplainRequest } from './explain-record';

serveCalls((request: ExplainRequest) => explain(explainInputOf(request)));
