import { useState } from 'react';
import type { DiagnosisData } from '../../../../shared/contract';
import { CAUSES } from '../../../../shared/explain/causes';
import type { CauseId } from '../../../../shared/explain';
import { Button, StatusBadge } from '../../ui';
import { sendTab } from '../request-editor';
import { describeEdit } from './apply-edits';
import { CopyButton } from './copy-button';
import type { ApplyOutcome } from './apply-edits';

const causeTitle = (c: CauseId): string => CAUSES[c]?.title ?? c;

/** The verdict's notes: long after many probes (each is also in the list below), so three lines until asked. */
function Notes({ text }: { text: string }) {
  const [all, setAll] = useState(false);
  const long = text.length > 240;
  return (
    <div className="diag-conclusion-wrap">
      <p className={`diag-conclusion${long && !all ? ' is-clamped' : ''}`}>{text}</p>
      {long && <button type="button" className="link-btn" onClick={() => setAll(!all)} aria-expanded={all}>{all ? 'Less' : 'All notes'}</button>}
    </div>
  );
}

/** The cause after probing, and what the response alone suggested when that differs. */
function CauseLine({ d }: { d: DiagnosisData }) {
  const changed = d.cause !== d.explanation.cause;
  return (
    <p className="diag-cause">
      <span className="explain-label">Cause</span>
      <strong>{causeTitle(d.cause)}</strong>
      {changed && <span className="muted"> · the response alone suggested {causeTitle(d.explanation.cause)}</span>}
    </p>
  );
}

interface ConclusionProps {
  tabId: string;
  d: DiagnosisData;
  applied: Pick<ApplyOutcome, 'applied' | 'manual'> | null;
  onApply(): void;
}

export function Conclusion({ tabId, d, applied, onApply }: ConclusionProps) {
  if (d.stopped === 'not-refused') {
    return <section className="diag-outcome diag-outcome-neutral" aria-label="Conclusion"><p>{d.conclusion}</p></section>;
  }
  const fix = d.fix;
  if (fix) {
    const edits = fix.edits ?? [];
    const applicable = edits.some((e) => e.owner === 'request');
    return (
      <section className="diag-outcome diag-outcome-fixed" aria-label="Conclusion">
        <header className="diag-outcome-head">
          <span className="diag-outcome-icon" aria-hidden>✓</span>
          <span className="diag-outcome-title">Fix found</span>
          <StatusBadge status={fix.status} />
        </header>
        <p className="diag-fix-change">{fix.change.charAt(0).toUpperCase()}{fix.change.slice(1)}</p>
        <CauseLine d={d} />
        <Notes text={d.conclusion} />
        {edits.length > 0 && (
          <ul className="diag-edits" aria-label="Changes to the request">
            {edits.map((e, i) => (
              <li key={i} className={e.owner === 'request' ? '' : 'is-elsewhere'}>
                {describeEdit(e)}{e.owner !== 'request' && <span className="muted"> ({e.owner === 'engine' ? "the engine's default" : `${e.owner} profile`})</span>}
              </li>
            ))}
          </ul>
        )}
        <div className="diag-curl">
          <div className="diag-curl-head"><span className="explain-label">Runs as printed (credentials included)</span><CopyButton text={fix.curl} label="Copy the fix as curl" /></div>
          <pre aria-label="Fix as curl">{fix.curl}</pre>
        </div>
        {!applied ? (
          <div className="diag-actions">
            <Button variant="primary" size="sm" onClick={onApply} disabled={!applicable}
              title={applicable ? 'Edit this request as the fix did' : 'The change is in a profile or default, not in this request'}>Apply</Button>
            {!applicable && <span className="muted">Change it where it lives (listed above), then send again.</span>}
          </div>
        ) : (
          <div className="diag-applied" role="status">
            {applied.applied.length > 0 && <p><strong>Applied to the request:</strong> {applied.applied.join('; ')}.</p>}
            {applied.manual.length > 0 && <p><strong>Left for you:</strong> {applied.manual.join('; ')}.</p>}
            <Button variant="primary" size="sm" onClick={() => sendTab(tabId)}>Send</Button>
          </div>
        )}
      </section>
    );
  }
  return (
    <section className="diag-outcome diag-outcome-ask" aria-label="Conclusion">
      <header className="diag-outcome-head">
        <span className="diag-outcome-icon" aria-hidden>!</span>
        <span className="diag-outcome-title">{d.stopped === 'cancelled' ? 'Stopped before a fix was found' : 'No client-side fix found'}</span>
      </header>
      <CauseLine d={d} />
      <Notes text={d.conclusion} />
      {d.ask && (
        <div className="diag-ask" role="note" aria-label="Whom to ask">
          <span className="explain-label">Whom to ask</span>
          <p>{d.ask}</p>
        </div>
      )}
    </section>
  );
}
