import './explain.css';

export { AlertIcon, ExplanationCard, openTroubleshoot, openTroubleshootOnShow } from './explanation-card';
export { TroubleshootPanel } from './troubleshoot-panel';
export { toExplanationView, reportMarkdown, causePhrase, kindLabel, type ExplanationView, type EvidenceChip, type ChecklistRow, type AlternativeView } from './explanation-view';
