import { useState } from 'react';
import { create } from 'zustand';
import { Button } from '../../ui';
import { api } from '../../platform';
import { tryDemo } from './demo';
import { forgetWorkspace, recentWorkspaces } from './recent';
import { useWorkspaceStore } from './workspace.store';

type Mode = 'open' | 'new';

/** Which form the empty state shows and its folder path: a store, so a notice elsewhere can start Open folder. */
const useOpenForm = create<{ mode: Mode | null; path: string }>(() => ({ mode: null, path: recentWorkspaces()[0]?.root ?? '' }));

/** Open folder / New workspace: the desktop app opens its native dialog; the browser (serve) answers null and the sidebar shows the path field. */
export async function chooseFolder(m: Mode): Promise<void> {
  // No dialog to be had: the path field below takes the folder instead, so nothing is lost.
  const picked = await api.app.pickFolder({ title: m === 'open' ? 'Open workspace folder' : 'Folder for the new workspace' }).catch(() => ({ path: null }));
  if (picked.path && m === 'open') { void useWorkspaceStore.getState().open(picked.path); return; }
  useOpenForm.setState(picked.path ? { mode: m, path: picked.path } : { mode: m });
}

/** No workspace: Open folder (a path field in the browser, with recent folders), New workspace, Import, the demo. */
export function WorkspaceEmptyState({ onImport }: { onImport(): void }) {
  const open = useWorkspaceStore((s) => s.open);
  const init = useWorkspaceStore((s) => s.init);
  const busy = useWorkspaceStore((s) => s.busy);
  const error = useWorkspaceStore((s) => s.error);
  const { mode, path } = useOpenForm();
  const setPath = (p: string) => useOpenForm.setState({ path: p });
  const [recent, setRecent] = useState(recentWorkspaces);
  const [name, setName] = useState('My API');
  const choose = (m: Mode) => chooseFolder(m);
  const submit = () => void (mode === 'new' ? init(path, name.trim() || 'My API') : open(path));

  return (
    <div className="sidebar-empty">
      <p>Open a folder of requests. Collections are plain YAML files you can commit.</p>
      <div className="sidebar-actions">
        <Button size="sm" variant={mode === 'open' ? 'primary' : 'secondary'} onClick={() => void choose('open')}>Open folder</Button>
        <Button size="sm" variant={mode === 'new' ? 'primary' : 'secondary'} onClick={() => void choose('new')}>New workspace</Button>
        <Button size="sm" onClick={onImport}>Import</Button>
        <Button size="sm" disabled={busy} title="A local demo API with six classic refusals, and a workspace of requests that meet them" onClick={() => void tryDemo()}>Try the demo</Button>
      </div>
      {mode && (
        <form className="open-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <label className="field">
            <span className="field-label">{mode === 'open' ? 'Workspace folder' : 'New folder (created if missing)'}</span>
            <input className="field-input mono" aria-label="Workspace folder path" placeholder="/home/me/api/shop" value={path}
              autoFocus spellCheck={false} onChange={(e) => setPath(e.target.value)} />
          </label>
          {mode === 'new' && (
            <label className="field">
              <span className="field-label">Name</span>
              <input className="field-input" aria-label="Workspace name" value={name} onChange={(e) => setName(e.target.value)} />
            </label>
          )}
          <Button size="sm" variant="primary" type="submit" disabled={busy || !path.trim()}>{mode === 'open' ? 'Open' : 'Create workspace'}</Button>
        </form>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      {recent.length > 0 && (
        <div className="recent">
          <div className="sidebar-subheading">Recent</div>
          <ul className="recent-list" aria-label="Recent workspaces">
            {recent.map((r) => (
              <li key={r.root} className="recent-row">
                <button type="button" className="recent-open" title={r.root} onClick={() => void open(r.root)}>
                  <span className="recent-name">{r.name}</span>
                  <span className="recent-path mono">{r.root}</span>
                </button>
                <button type="button" className="icon-btn" aria-label={`Forget ${r.name}`}
                  onClick={() => { forgetWorkspace(r.root); setRecent(recentWorkspaces()); }}>×</button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
