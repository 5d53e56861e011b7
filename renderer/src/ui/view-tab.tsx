import type { ReactNode } from 'react';
import { StatusDot } from './status-badge';
import { onTabKeyDown } from './tab-keys';

export interface ViewTabProps {
  active: boolean;
  icon: ReactNode;
  label: string;
  title: string;
  closeLabel: string;
  running: boolean;
  /** after a run: red for a problem, green otherwise; null while nothing has finished */
  done: { bad: boolean; title: string } | null;
  onShow: () => void;
  onClose: () => void;
}

/** A view's tab (Runner, Matrix) in the strip of open requests: a spinner while it runs, then a dot. */
export function ViewTab(p: ViewTabProps) {
  return (
    <div className={`request-tab runner-tab${p.active ? ' active' : ''}`}>
      <button type="button" role="tab" aria-selected={p.active} className="request-tab-main" onClick={p.onShow} title={p.title}
        aria-keyshortcuts="Delete" onKeyDown={(e) => onTabKeyDown(e, p.onClose)}>
        <span className="runner-tab-icon">{p.icon}</span>
        <span className="request-tab-title">{p.label}</span>
        {p.running && <span className="mini-spinner" aria-label="running" />}
        {p.done && <StatusDot status={null} tone={p.done.bad ? 'refused' : 'success'} title={p.done.title} />}
      </button>
      {/* Only a tab may sit in a tablist: the × is for the mouse, Delete on the tab closes it from the keyboard. */}
      <button type="button" className="request-tab-close" aria-label={p.closeLabel} title={p.closeLabel} aria-hidden tabIndex={-1} onClick={p.onClose}>×</button>
    </div>
  );
}
