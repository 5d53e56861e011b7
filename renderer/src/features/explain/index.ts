import './explain.css';

export { ExplanationCard } from './explanation-card';
export { TroubleshootPanel } from './troubleshoot-panel';
export { toExplanationView, reportMarkdown, type ExplanationView, type EvidenceChip, type ChecklistRow, type AlternativeView } from './explanation-view';
