import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ExplanationView } from './explanation-view';

interface TroubleshootPanelProps {
  view: ExplanationView;
  statusText: string;
  onClose(): void;
  /** the live diagnosis (probes, Stop, the conclusion and Apply), under the likely cause */
  run?: ReactNode;
  /** the checklist */
  children: ReactNode;
}

/**
 * The drawer beside the response: the explanation's likely cause, the live diagnosis the host puts
 * in `run` (the diagnosis feature), the other plausible causes, and the checklist.
 */
export function TroubleshootPanel({ view, statusText, onClose, run, children }: TroubleshootPanelProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return createPortal(
    // Divs, not <aside>/<header>: a dialog role is not allowed on <aside>, and its header would be a second page banner.
    <div className="troubleshoot-panel" role="dialog" aria-modal="false" aria-labelledby="troubleshoot-title">
      <div className="troubleshoot-head">
        <div>
          <h2 id="troubleshoot-title">Troubleshoot</h2>
          <p className="troubleshoot-sub">
            <span className="troubleshoot-status">{view.status} {statusText}</span>
            {view.producer ? <> from <strong>{view.producer.name}</strong> ({view.producer.kind})</> : ' from an unidentified layer'}
          </p>
        </div>
        <button ref={closeRef} type="button" className="icon-btn troubleshoot-close" aria-label="Close troubleshooting" onClick={onClose}>×</button>
      </div>
      <div className="troubleshoot-body">
        <section className="troubleshoot-cause">
          <span className="explain-label">Likely cause</span>
          <strong>{view.causeTitle}</strong> <span className="muted">· {view.confidencePct}%</span>
          <p>{view.why}</p>
          <p>{view.fix}</p>
        </section>
        {run}
        {view.alternatives.length > 0 && (
          <section className="troubleshoot-alternatives" aria-label="Other plausible causes">
            <h3 className="troubleshoot-h3">If it is not that</h3>
            <ul>
              {view.alternatives.map((a) => (
                <li key={a.cause} data-cause={a.cause}>
                  <strong>{a.title}</strong> <span className="muted">· {a.pct}%</span>
                  <p>{a.detail}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
        {children}
      </div>
    </div>,
    document.body,
  );
}
