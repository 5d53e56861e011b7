import type { ErrorInfo } from '../../../../shared/contract';
import { errorTitle } from './refusal';

/** A send that failed before any response: what happened, why, what to try. */
export function SendErrorView({ error }: { error: ErrorInfo }) {
  const cancelled = error.code === 'cancelled';
  return (
    <div className={`send-error ${cancelled ? 'send-error-muted' : ''}`} role={cancelled ? 'status' : 'alert'}>
      <div className="send-error-head">
        <span className="send-error-icon" aria-hidden>{cancelled ? '■' : '!'}</span>
        <h2 className="send-error-title">{errorTitle(error.code)}</h2>
        <code className="send-error-code">{error.code}</code>
      </div>
      <p className="send-error-message">{error.message}</p>
      {error.reason && !cancelled && (
        <p className="send-error-reason"><strong>Why:</strong> {error.reason}</p>
      )}
      {error.remedy && (
        <p className="send-error-remedy"><strong>Try:</strong> {error.remedy}</p>
      )}
    </div>
  );
}
