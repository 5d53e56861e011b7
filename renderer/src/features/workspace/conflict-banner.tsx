import { Button } from '../../ui';
import type { Draft } from '../request-editor';
import { overwriteTab, reloadTab } from './file-actions';

/** The file changed on disk while this tab had unsaved edits: the user decides, nothing is lost silently. */
export function ConflictBanner({ draft }: { draft: Draft }) {
  if (!draft.file?.conflict) return null;
  return (
    <div className="conflict-banner" role="alert" aria-label="File changed on disk">
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden className="conflict-icon">
        <path d="M8 1.8 15 14H1z" fill="currentColor" opacity=".18" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
        <path d="M8 6v3.6M8 11.6v.1" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <div className="conflict-text">
        <strong><span className="mono">{draft.file.path}</span> changed on disk</strong>
        <span>You have unsaved edits in this tab. Reload to take the version on disk (your edits are dropped), or overwrite it with yours.</span>
      </div>
      <div className="conflict-actions">
        <Button size="sm" onClick={() => void reloadTab(draft.id)}>Reload from disk</Button>
        <Button size="sm" variant="danger" onClick={() => void overwriteTab(draft.id)}>Overwrite</Button>
      </div>
    </div>
  );
}
