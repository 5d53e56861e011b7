// What the workspace does to tabs: open a file, save with baseVersion, reload/overwrite after a
// conflict, follow changes on disk, tell the backend which files hold unsaved edits, and send.
import type { RequestFile } from '../../../../shared/model';
import { api, toClientError } from '../../platform';
import { fileFromDraft, isDraftDirty, optionsFile, setFileExporter, setFileSender, useRequestEditorStore, type Draft } from '../request-editor';
import { explainRecord, isRefusal } from '../response';
import { overrideFor } from '../profiles/overrides';
import { useWorkspaceStore } from './workspace.store';

const editor = () => useRequestEditorStore.getState();
const ws = () => useWorkspaceStore.getState();
const tabOf = (id?: string): Draft | undefined => {
  const s = editor();
  return s.tabs.find((d) => d.id === (id ?? s.activeId));
};
const same = (a: RequestFile, b: RequestFile) => JSON.stringify(a) === JSON.stringify(b);

export async function openRequest(path: string): Promise<void> {
  const root = ws().root;
  if (!root) return;
  try {
    const r = await api.workspace.readRequest({ dir: root, path });
    editor().openFile(r.request, { path, version: r.version, saved: r.request, conflict: null });
  } catch (err) {
    useWorkspaceStore.setState({ error: toClientError(err).message });
  }
}

/** Saves a file tab with baseVersion; a conflict keeps the edits and shows the banner. True when it was written. */
export async function saveTab(id?: string): Promise<boolean> {
  const d = tabOf(id);
  const root = ws().root;
  if (!d?.file || !root) return false;
  const request = fileFromDraft(d, d.file.saved);
  try {
    const { version } = await api.workspace.saveRequest({ dir: root, path: d.file.path, request, baseVersion: d.file.version });
    editor().setFileLink(d.id, { version, saved: request, conflict: null });
    editor().setNotice(d.id, null);
    await ws().reload();
    return true;
  } catch (err) {
    const e = toClientError(err);
    if (e.code === 'conflict') editor().setFileLink(d.id, { conflict: e.message });
    else editor().setNotice(d.id, { tone: 'error', title: 'Could not save', messages: [e.message] });
    return false;
  }
}

/** Drops the tab's edits and shows the file as it is on disk. */
export async function reloadTab(id: string): Promise<void> {
  const d = tabOf(id);
  const root = ws().root;
  if (!d?.file || !root) return;
  const r = await api.workspace.readRequest({ dir: root, path: d.file.path });
  editor().replaceFromFile(id, r.request, { path: d.file.path, version: r.version, saved: r.request, conflict: null });
}

/** Saves the tab's edits over the file that changed on disk: a deliberate choice from the banner. */
export async function overwriteTab(id: string): Promise<void> {
  const d = tabOf(id);
  const root = ws().root;
  if (!d?.file || !root) return;
  // Unreadable now: keep the old version; the save below reports why it fails.
  const current = await api.workspace.readRequest({ dir: root, path: d.file.path }).catch(() => null);
  editor().setFileLink(id, { conflict: null, ...(current ? { version: current.version } : {}) });
  await saveTab(id);
}

/** Files changed on disk: refresh the tree; clean tabs reload, dirty ones get the conflict banner. */
async function applyChanges(changed: string[], conflicts: Array<{ path: string; message: string }>): Promise<void> {
  const root = ws().root;
  if (!root) return;
  await ws().reload();
  for (const d of editor().tabs) {
    if (!d.file || !changed.includes(d.file.path)) continue;
    const path = d.file.path;
    // Deleted or unreadable: the notice below says so and the edits stay.
    const disk = await api.workspace.readRequest({ dir: root, path }).catch(() => null);
    const cur = tabOf(d.id);
    if (!cur?.file || cur.file.path !== path) continue;
    if (!disk) {
      editor().setNotice(d.id, { tone: 'warning', title: `${path} was deleted or cannot be read on disk`, messages: ['Your edits stay in this tab.'] });
      continue;
    }
    if (same(disk.request, cur.file.saved)) editor().setFileLink(d.id, { version: disk.version });
    else if (!isDraftDirty(cur)) editor().replaceFromFile(d.id, disk.request, { path, version: disk.version, saved: disk.request, conflict: null });
    else editor().setFileLink(d.id, { conflict: conflicts.find((c) => c.path === path)?.message ?? `${path} changed on disk while you were editing it.` });
  }
}

type ChangeBatch = Awaited<ReturnType<typeof api.workspace.changes>>;
let timer: ReturnType<typeof setInterval> | null = null;
let polling = false;
/** the dirty flag per file as the backend should know it (re-sent to a restarted backend) */
const dirtySent = new Map<string, boolean>();

/**
 * The backend restarted (`clearance serve` restarted, Electron main reloaded) and has no session for
 * the folder: open it there, tell it which files hold edits, and re-check every open file, since
 * what changed on disk in between is unknown.
 */
async function resync(root: string): Promise<ChangeBatch | null> {
  await api.workspace.open({ dir: root });
  const b = await api.workspace.changes({ dir: root, since: 0 });
  if (ws().root !== root) return null;
  useWorkspaceStore.setState({ seq: b.seq });
  for (const [path, dirty] of dirtySent) if (dirty) await api.workspace.edit({ dir: root, path, dirty });
  await applyChanges([...new Set(editor().tabs.flatMap((d) => (d.file ? [d.file.path] : [])))], []);
  return b;
}

async function poll(): Promise<void> {
  const { root, seq } = ws();
  if (!root || polling) return;
  polling = true;
  try {
    let b: ChangeBatch | null;
    try {
      b = await api.workspace.changes({ dir: root, since: seq });
    } catch (err) {
      if (toClientError(err).code !== 'not-open') throw err;
      b = null;
    }
    if (ws().root !== root) return;
    // No session, or a count below ours: a new backend (another window may have opened it first).
    if (!b || b.seq < seq) b = await resync(root);
    else if (b.seq !== seq) {
      useWorkspaceStore.setState({ seq: b.seq });
      if (b.changed.length || b.conflicts.length) await applyChanges(b.changed, b.conflicts);
    }
    // The backend's watcher may be failing (inotify limit, no permission) while polling works.
    const syncError = b?.warning ?? null;
    if (ws().syncError !== syncError) useWorkspaceStore.setState({ syncError });
  } catch (err) {
    const e = toClientError(err);
    // Shown until a poll succeeds again; the next tick retries.
    if (ws().root === root) useWorkspaceStore.setState({ syncError: `Not following changes on disk: ${e.message}${e.remedy ? ` ${e.remedy}` : ''}` });
  } finally {
    polling = false;
  }
}

/** Starts polling changes (1 s) and syncing dirty state while a workspace is open; returns the stop function. */
export function startWorkspaceSync(): () => void {
  timer = setInterval(() => void poll(), 1000);
  const unsub = useRequestEditorStore.subscribe((s) => {
    const root = ws().root;
    if (!root) return;
    const now = new Map<string, boolean>();
    for (const d of s.tabs) if (d.file) now.set(d.file.path, (now.get(d.file.path) ?? false) || isDraftDirty(d));
    for (const path of dirtySent.keys()) if (!now.has(path)) now.set(path, false);
    for (const [path, dirty] of now) {
      if ((dirtySent.get(path) ?? false) === dirty) continue;
      dirtySent.set(path, dirty);
      // dirtySent keeps the wanted flag: a backend that lost it gets it again from resync.
      void api.workspace.edit({ dir: root, path, dirty }).catch(() => undefined);
    }
  });
  setFileSender(async (draft, sendId) => {
    const { root, env } = ws();
    if (!root || !draft.file) throw new Error('No workspace is open');
    const path = draft.file.path;
    try {
      // The tab's pasted curl options (-k, --max-time...) go with it, laid over the file's own.
      const options = optionsFile(draft.options);
      const record = await api.workspace.sendRequest({ dir: root, path, sendId, request: fileFromDraft(draft, draft.file.saved), ...(env ? { env } : {}),
        ...(options ? { options } : {}), ...overrideFor(draft.id) });
      ws().setStatus(path, { status: record.status, refused: isRefusal(record, await explainRecord(record)) });
      return record;
    } catch (err) {
      ws().setStatus(path, { status: null, refused: true });
      throw err;
    }
  });
  setFileExporter(async (draft) => {
    const { root, env } = ws();
    if (!root || !draft.file) throw new Error('No workspace is open');
    const file = fileFromDraft(draft, draft.file.saved);
    const pasted = optionsFile(draft.options);
    const request = pasted ? { ...file, options: { ...file.options, ...pasted } } : file;
    return api.workspace.exportRequest({ dir: root, path: draft.file.path, format: 'curl', request,
      ...(env ? { env } : {}), ...overrideFor(draft.id) });
  });
  return () => {
    setFileExporter(null);
    if (timer) clearInterval(timer);
    timer = null;
    unsub();
    setFileSender(null);
    dirtySent.clear();
  };
}
