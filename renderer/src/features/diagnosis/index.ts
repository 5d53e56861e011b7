import './diagnosis.css';

export { TroubleshootRun } from './troubleshoot-run';
export { TroubleshootChecklist } from './troubleshoot-checklist';
export { useDiagnosisStore, useRun, type Run, type Probe } from './diagnosis.store';
export { applyEdits, describeEdit, type ApplyOutcome, type DraftRows } from './apply-edits';
