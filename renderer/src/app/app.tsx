import { useEffect } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { TroubleshootChecklist, TroubleshootRun } from '../features/diagnosis';
import { ExplanationCard } from '../features/explain';
import { DropZone, ImportDialog } from '../features/import';
import { ResolvedUrl } from '../features/resolve';
import { SecretsDialogHost } from '../features/secrets';
import { ConflictBanner, FolderSettingsHost, SaveButton, SaveRequestDialogHost, saveActiveTab, startWorkspaceSync, useWorkspaceStore } from '../features/workspace';
import { DialogHost } from '../ui';
import { loadContracts } from '../platform';
import { RequestEditor, useRequestEditorStore } from '../features/request-editor';
import { preloadExplainer, ResponsePane } from '../features/response';
import { CompareHost } from '../features/compare';
import { RunnerView, useRunnerStore } from '../features/runner';
import { MatrixView, useMatrixStore } from '../features/matrix';
import { ChangeDialogHost, WatchToasts } from '../features/watch';
import { CommandPalette } from '../features/palette';
import { SettingsHost } from '../features/settings';
import { StatusBar } from './status-bar';
import { useAppStore } from './app.store';
import { RequestTabs } from './request-tabs';
import { Sidebar } from './sidebar';
import { TopBar } from './top-bar';
import { useShortcuts } from './use-shortcuts';

export function App() {
  const activeId = useRequestEditorStore((s) => s.activeId);
  const load = useAppStore((s) => s.load);
  const root = useWorkspaceStore((s) => s.root);
  const runnerShown = useRunnerStore((s) => s.visible);
  const matrixShown = useMatrixStore((s) => s.visible);
  // The Runner or the Matrix, when shown, stands in front of the editor.
  const viewShown = runnerShown || matrixShown;
  // The sidebar's width and the request/response split come back as the user left them (this window's storage).
  const sideLayout = useDefaultLayout({ id: 'clearance-sidebar', storage: localStorage, onlySaveAfterUserInteractions: true });
  const splitLayout = useDefaultLayout({ id: 'clearance-split', storage: localStorage, onlySaveAfterUserInteractions: true });
  useShortcuts();
  useEffect(() => void load(), [load]);
  // What the first paint left out, fetched once the window is idle: the contracts' schemas, the explainer.
  useEffect(() => {
    const id = requestIdleCallback(() => { void loadContracts(); preloadExplainer(); }, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, []);
  useEffect(() => (root ? startWorkspaceSync() : undefined), [root]);
  return (
    <div className="app">
      <TopBar />
      <Group orientation="horizontal" className="app-body" defaultLayout={sideLayout.defaultLayout} onLayoutChanged={sideLayout.onLayoutChanged}>
        <Panel id="sidebar" defaultSize="260px" minSize="180px" maxSize="480px" className="sidebar-panel">
          <Sidebar />
        </Panel>
        <Separator className="splitter splitter-v" aria-label="Resize sidebar" />
        <Panel id="workbench" minSize="400px">
          <main className="workbench">
            <RequestTabs />
            {runnerShown && <RunnerView />}
            {matrixShown && !runnerShown && <MatrixView />}
            {/* Kept mounted behind the Runner or Matrix: the editor and its response stay as they were. */}
            <Group orientation="vertical" className={`workbench-split${viewShown ? ' is-hidden' : ''}`}
              defaultLayout={splitLayout.defaultLayout} onLayoutChanged={splitLayout.onLayoutChanged}>
              <Panel id="request" defaultSize="38%" minSize="120px">
                <RequestEditor aboveUrl={(d) => <ConflictBanner draft={d} />} belowUrl={(d) => <ResolvedUrl draft={d} />}
                  urlTools={(d) => <SaveButton draft={d} onSave={(id) => void saveActiveTab(id)} />} />
              </Panel>
              <Separator className="splitter splitter-h" aria-label="Resize request and response" />
              <Panel id="response" minSize="120px">
                <ResponsePane key={activeId} tabId={activeId} belowStatus={(record, { explanation, reveal }) =>
                  explanation.blocked ? <ExplanationCard record={record} explanation={explanation} onReveal={reveal}
                    troubleshoot={{ run: <TroubleshootRun tabId={activeId} />, checklist: <TroubleshootChecklist tabId={activeId} /> }} /> : null} />
              </Panel>
            </Group>
          </main>
        </Panel>
      </Group>
      <StatusBar />
      <DropZone />
      <ImportDialog />
      <SaveRequestDialogHost />
      <FolderSettingsHost />
      <SecretsDialogHost />
      <ChangeDialogHost />
      <WatchToasts />
      <SettingsHost />
      <CommandPalette />
      <CompareHost />
      <DialogHost />
    </div>
  );
}
