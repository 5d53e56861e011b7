import './explain.css';

export { ExplanationCard, openTroubleshootOnShow } from './explanation-card';
export { TroubleshootPanel } from './troubleshoot-panel';
export { toExplanationView, reportMarkdown, causePhrase, type ExplanationView, type EvidenceChip, type ChecklistRow, type AlternativeView } from './explanation-view';
