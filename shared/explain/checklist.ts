// The four-step checklist as records: the cause's advice per step plus the answering producer's
// own hint. `checklist` (lines) is derived from these, never the other way round.
import { CAUSES } from './causes';
import { CHECKLIST_STEP_IDS, type CauseId, type ChecklistItem, type ChecklistStep, type Producer } from './types';

export const CHECKLIST_TITLES: Readonly<Record<ChecklistStep, string>> = {
  auth: 'Verify permissions and authentication',
  server: 'Review server configuration',
  gateway: 'Examine API and gateway settings',
  logging: 'Error handling and logging',
};

export function checklistSteps(cause: CauseId, producer: Pick<Producer, 'checklist'> | null): ChecklistItem[] {
  const advice = CAUSES[cause].checklist;
  return CHECKLIST_STEP_IDS.map((id, i) => {
    const tip = producer?.checklist?.[id];
    return { step: i + 1, id, title: CHECKLIST_TITLES[id], text: advice[id], ...(tip ? { producerTip: tip } : {}) };
  });
}

/** "Title: text Producer: tip", the line form `checklist` has always had. */
export function checklistLine(item: ChecklistItem, producerName: string | null): string {
  const tip = item.producerTip && producerName ? ` ${producerName}: ${item.producerTip}` : '';
  return `${item.title}: ${item.text}${tip}`;
}
