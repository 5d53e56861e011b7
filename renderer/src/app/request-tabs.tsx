import { closeTabAsking } from '../features/workspace';
import { openTabMenu } from '../features/compare';
import { draftTitle, isDraftDirty, useRequestEditorStore } from '../features/request-editor';
import { isRefusal, useResponseStore } from '../features/response';
import { RunnerTab, useRunnerStore } from '../features/runner';
import { MatrixTab, useMatrixStore } from '../features/matrix';
import { onTabKeyDown, StatusDot } from '../ui';

/** Open requests; each tab carries the colour dot of its last status. */
export function RequestTabs() {
  const tabs = useRequestEditorStore((s) => s.tabs);
  const activeId = useRequestEditorStore((s) => s.activeId);
  const activate = useRequestEditorStore((s) => s.activate);
  const newTab = useRequestEditorStore((s) => s.newTab);
  const byTab = useResponseStore((s) => s.byTab);
  // The Runner or the Matrix, when shown, is the selected tab.
  const runnerShown = useRunnerStore((s) => s.visible);
  const hideRunner = useRunnerStore((s) => s.hide);
  const matrixShown = useMatrixStore((s) => s.visible);
  const hideMatrix = useMatrixStore((s) => s.hide);
  return (
    <div className="request-tabs">
      <div role="tablist" aria-label="Open requests" className="request-tabs-list">
        <RunnerTab />
        <MatrixTab />
        {tabs.map((d) => {
          const ex = byTab[d.id];
          const status = ex?.state === 'done' ? ex.record.status : null;
          const blocked = ex?.state === 'done' && isRefusal(ex.record, ex.explanation);
          const dirty = isDraftDirty(d);
          const active = d.id === activeId && !runnerShown && !matrixShown;
          return (
            <div key={d.id} className={`request-tab ${active ? 'active' : ''}${dirty ? ' is-dirty' : ''}${d.file?.conflict ? ' is-conflict' : ''}`}>
              <button type="button" role="tab" aria-selected={active} className="request-tab-main" onContextMenu={(e) => openTabMenu(e, d.id)}
                aria-keyshortcuts="Delete" onKeyDown={(e) => onTabKeyDown(e, () => void closeTabAsking(d.id))}
                onClick={() => { activate(d.id); hideRunner(); hideMatrix(); }} title={d.file ? `${d.file.path}${dirty ? ' (unsaved changes: Ctrl/⌘+S saves)' : ''}` : d.url || 'Untitled request'}>
                <span className={`method-tag method-${d.method.toLowerCase()}`}>{d.method}</span>
                <span className="request-tab-title">{draftTitle(d)}</span>
                {ex?.state === 'sending' && <span className="mini-spinner" aria-label="sending" />}
                {status !== null && <StatusDot status={status} tone={blocked ? 'refused' : undefined} title={blocked ? `${status} refused` : String(status)} />}
                {ex?.state === 'failed' && ex.error.code !== 'cancelled' && <StatusDot status={null} tone="refused" title="send failed" />}
              </button>
              {/* Outside the tab, so hidden from screen readers: the tab's own title says "unsaved changes". */}
              {dirty && <span className="dirty-dot" aria-hidden aria-label="unsaved changes" title="Unsaved changes (Ctrl/⌘+S saves)" />}
              {/* Only a tab may sit in a tablist: the × is for the mouse, Delete on the tab closes it from the keyboard. */}
              <button type="button" className="request-tab-close" aria-label={`Close ${draftTitle(d)}`} title={`Close ${draftTitle(d)}`}
                aria-hidden tabIndex={-1} onClick={() => void closeTabAsking(d.id)}>×</button>
            </div>
          );
        })}
      </div>
      <button type="button" className="new-tab-btn" aria-label="New tab" title="New tab (Ctrl/⌘+T)" onClick={() => newTab()}>+</button>
    </div>
  );
}
