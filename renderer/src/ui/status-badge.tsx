import { isRefusalStatus } from '../../../shared/explain/refusal';

export type StatusTone = 'success' | 'redirect' | 'client' | 'refused' | 'server' | 'info' | 'none';

/** 2xx green, 3xx blue, 4xx amber, refusal statuses (401/403/407/429/451) red, 5xx purple. */
export function statusTone(status: number | null | undefined): StatusTone {
  if (status === null || status === undefined) return 'none';
  if (isRefusalStatus(status)) return 'refused';
  if (status >= 500) return 'server';
  if (status >= 400) return 'client';
  if (status >= 300) return 'redirect';
  if (status >= 200) return 'success';
  return 'info';
}

/** `tone` overrides the status colour: 'refused' when isRefusal() says so for a block page served with 200. */
export function StatusBadge({ status, text, tone }: { status: number; text?: string; tone?: StatusTone }) {
  return (
    <span className={`status-badge tone-${tone ?? statusTone(status)}`} data-status={status}>
      <span className="status-code">{status}</span>
      {text && <span className="status-text">{text}</span>}
    </span>
  );
}

/** The small coloured dot tabs and history rows carry. */
export function StatusDot({ status, title, tone }: { status: number | null; title?: string; tone?: StatusTone }) {
  return <span className={`status-dot tone-${tone ?? statusTone(status)}`} title={title} aria-hidden={title ? undefined : true} />;
}
