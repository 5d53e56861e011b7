import { useCompareStore } from '../features/compare';
import { HistoryList } from '../features/history';
import { useImportStore } from '../features/import';
import { useRequestEditorStore } from '../features/request-editor';
import { PlayIcon, useRunnerStore } from '../features/runner';
import { GridIcon, useMatrixStore } from '../features/matrix';
import { newFolder, newRequest, ProfileSections, SidebarSection, useWorkspaceStore, WorkspaceEmptyState, WorkspaceTree } from '../features/workspace';

const Plus = () => <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden><path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" /></svg>;
const FolderPlus = () => <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden><path d="M2.5 3.5h4l1.5 1.5h5.5v7.5h-11z" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" /><path d="M8 7v4M6 9h4" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" /></svg>;

export function Sidebar() {
  const newTab = useRequestEditorStore((s) => s.newTab);
  const snapshot = useWorkspaceStore((s) => s.snapshot);
  const error = useWorkspaceStore((s) => s.error);
  const clearError = useWorkspaceStore((s) => s.clearError);
  const syncError = useWorkspaceStore((s) => s.syncError);
  const startImport = useImportStore((s) => s.start);
  return (
    <nav className="sidebar" aria-label="Workspace">
      <SidebarSection title="Collections" count={snapshot ? snapshot.tree.length : undefined} actions={snapshot && <>
        <button type="button" className="head-btn" aria-label="Run collection" title="Run every request (Runner)"
          onClick={() => useRunnerStore.getState().open({ path: '', name: snapshot.file.name })}><PlayIcon /></button>
        <button type="button" className="head-btn" aria-label="Access matrix" title="Every request × key × gateway (Access matrix)"
          onClick={() => useMatrixStore.getState().open({ path: '', name: snapshot.file.name })}><GridIcon /></button>
        <button type="button" className="head-btn" aria-label="New request" title="New request" onClick={() => void newRequest('')}><Plus /></button>
        <button type="button" className="head-btn" aria-label="New collection" title="New collection (folder)" onClick={() => void newFolder('')}><FolderPlus /></button>
      </>}>
        {snapshot ? (
          <>
            {error && <p className="form-error sidebar-error" role="alert" onClick={clearError}>{error}</p>}
            {syncError && <p className="form-error sidebar-error" role="alert">{syncError}</p>}
            {snapshot.problems.length > 0 && (
              <p className="sidebar-problems" title={snapshot.problems.map((p) => `${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n')}>
                {snapshot.problems.length} file(s) could not be read (hover for details)
              </p>
            )}
            <WorkspaceTree />
          </>
        ) : <WorkspaceEmptyState onImport={startImport} />}
      </SidebarSection>
      <ProfileSections />
      <SidebarSection title="History" grow>
        <HistoryList onOpen={(req) => newTab(req)}
          onCompare={(a, b) => void useCompareStore.getState().compare({ kind: 'history', entry: a }, { kind: 'history', entry: b })} />
      </SidebarSection>
    </nav>
  );
}
