import './explain.css';

export { ExplanationCard } from './explanation-card';
export { TroubleshootPanel } from './troubleshoot-panel';
export { toExplanationView, reportMarkdown, type ExplanationView, type EvidenceChip, type ChecklistItem } from './explanation-view';
