import { useEffect, useMemo } from 'react';
import type { z } from 'zod';
import type { CheckItemSchema } from '../../../../shared/contract';
import { useRequestEditorStore } from '../request-editor';
import { useExchange } from '../response';
import { useDiagnosisStore, useRun } from './diagnosis.store';
import { checkTarget, targetKey } from './tab-source';

type CheckItem = z.infer<typeof CheckItemSchema>;

const STATE_LABEL: Record<CheckItem['state'], string> = { pass: 'Passed', fail: 'Failed', unknown: 'Not decided by the probes', manual: 'To check by hand' };
/** Items the probes could not decide are the user's to tick. */
const tickable = (c: CheckItem): boolean => c.state === 'manual' || c.state === 'unknown';

/** `code` spans in prose, as the explanation card shows them. */
function Prose({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return <>{parts.map((t, i) => (i % 2 === 1 ? <code key={i}>{t}</code> : t))}</>;
}

/** The four steps with their states and evidence (the diagnosis's, or the explanation's until it is done); manual items can be ticked. */
export function TroubleshootChecklist({ tabId }: { tabId: string }) {
  const run = useRun(tabId);
  const ex = useExchange(tabId);
  const draft = useRequestEditorStore((s) => s.tabs.find((d) => d.id === tabId));
  const target = useMemo(() => (draft ? checkTarget(draft) : null), [draft]);
  const key = target ? targetKey(target) : null;
  const ticks = useDiagnosisStore((s) => (key ? s.ticks[key] : undefined));
  const { loadTicks, tick } = useDiagnosisStore.getState();
  useEffect(() => {
    if (target) void loadTicks(target);
    // Reloaded when the request the ticks belong to changes (its key), not on every draft edit.
  }, [key, loadTicks]); // target follows key

  const explanation = ex.state === 'done' ? ex.explanation : null;
  const items: CheckItem[] = run.state === 'done' ? run.result.checklist
    : (explanation?.steps ?? []).map((s) => ({ id: s.id, step: s.id, title: s.title, state: 'manual' as const, evidence: s.text, ...(s.producerTip ? { producerTip: s.producerTip } : {}) }));
  const who = explanation?.producer?.name ?? null;
  const done = new Set(ticks?.done ?? []);
  const open = items.filter(tickable);
  return (
    <section className="diag-checklist" aria-label="Checklist">
      <header className="diag-run-head">
        <h3 className="troubleshoot-h3">Checklist</h3>
        {open.length > 0 && <span className="muted diag-progress">{open.filter((c) => done.has(c.id)).length} of {open.length} checked by hand</span>}
      </header>
      {ticks?.error && <p className="diag-tick-error" role="alert">{ticks.error}</p>}
      <ol className="diag-check-list" aria-label="Checklist">
        {items.map((c) => {
          const ticked = done.has(c.id);
          return (
            <li key={c.id} className={`diag-check state-${c.state}${ticked ? ' is-ticked' : ''}`} data-step={c.step}>
              {tickable(c) && target ? (
                <input type="checkbox" className="diag-check-box" checked={ticked} aria-label={`${c.title}: done`}
                  onChange={(e) => void tick(target, c.id, e.target.checked)} />
              ) : (
                <span className={`diag-state diag-state-${c.state}`} role="img" aria-label={STATE_LABEL[c.state]} title={STATE_LABEL[c.state]}>
                  {c.state === 'pass' ? '✓' : c.state === 'fail' ? '×' : '?'}
                </span>
              )}
              <div className="diag-check-text">
                <span className="diag-check-title">{c.title}</span>
                <span className={`diag-check-badge badge-${c.state}`}>{STATE_LABEL[c.state]}</span>
                <p className="diag-check-evidence"><Prose text={`${c.evidence.charAt(0).toUpperCase()}${c.evidence.slice(1)}`} /></p>
                {c.producerTip && (
                  <p className="checklist-tip">{who && <span className="checklist-tip-who">{who}</span>} <Prose text={c.producerTip} /></p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
