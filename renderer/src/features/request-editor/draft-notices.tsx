import { useEffect } from 'react';
import { Button } from '../../ui';
import type { Draft } from './draft';
import { describeOptions } from './options-summary';
import { useRequestEditorStore } from './request-editor.store';

/** Under the URL bar: the send options a pasted curl command set, and the latest import/copy notice. */
export function DraftNotices({ draft }: { draft: Draft }) {
  const setNotice = useRequestEditorStore((s) => s.setNotice);
  const resetOptions = useRequestEditorStore((s) => s.resetOptions);
  const { notice, id } = draft;
  const summary = describeOptions(draft.options);

  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const timer = setTimeout(() => setNotice(id, null), 2500);
    return () => clearTimeout(timer);
  }, [notice, id, setNotice]);

  if (!notice && summary.length === 0) return null;
  return (
    <div className="draft-notices">
      {summary.length > 0 && (
        <div className="send-options-line" aria-label="Send options">
          <span className="send-options-label">Send options</span>
          <span className="mono">{summary.join(' · ')}</span>
          <Button size="sm" variant="ghost" onClick={() => resetOptions(id)} title="Send with Clearance's default options">
            Reset options
          </Button>
        </div>
      )}
      {notice && (
        <div role={notice.tone === 'error' ? 'alert' : 'status'} className={`draft-notice notice-${notice.tone}`}>
          <div className="draft-notice-text">
            <strong>{notice.title}</strong>
            {notice.messages.length > 0 && (
              <ul>{notice.messages.map((m, i) => <li key={i}>{m}</li>)}</ul>
            )}
          </div>
          {notice.action && <Button size="sm" onClick={notice.action.run}>{notice.action.label}</Button>}
          <button type="button" className="icon-btn" aria-label="Dismiss notice" title="Dismiss" onClick={() => setNotice(id, null)}>×</button>
        </div>
      )}
    </div>
  );
}
