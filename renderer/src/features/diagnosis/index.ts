import './diagnosis.css';

import { lazyView } from '../../ui';

// Their own chunks: loaded when Troubleshoot is first opened.
export const TroubleshootRun = lazyView(() => import('./troubleshoot-run').then((m) => m.TroubleshootRun), 'Loading Troubleshoot…');
export const TroubleshootChecklist = lazyView(() => import('./troubleshoot-checklist').then((m) => m.TroubleshootChecklist));
export { useDiagnosisStore, useRun, type Run, type Probe } from './diagnosis.store';
export { applyEdits, describeEdit, type ApplyOutcome, type DraftRows } from './apply-edits';
