// Context actions of the tree: new request, new folder, rename, delete (confirmed).
import type { TreeNode } from '../../../../shared/model';
import { api, toClientError } from '../../platform';
import { closeTab, isDraftDirty, useRequestEditorStore } from '../request-editor';
import { confirmAction, promptText } from '../../ui';
import { openRequest } from './file-actions';
import { useWorkspaceStore } from './workspace.store';

const ws = () => useWorkspaceStore.getState();
const under = (path: string, p: string) => p === path || p.startsWith(`${path}/`);

async function guarded(fn: (root: string) => Promise<void>): Promise<void> {
  const root = ws().root;
  if (!root) return;
  try {
    await fn(root);
  } catch (err) {
    useWorkspaceStore.setState({ error: toClientError(err).message });
  }
  await ws().reload();
}

export const newRequest = (folder: string) => guarded(async (root) => {
  const name = await promptText({ title: 'New request', label: 'Name', initial: 'New request', action: 'Create' });
  if (!name) return;
  const { path } = await api.workspace.createRequest({ dir: root, folder, request: { name, method: 'GET', url: '{{base}}/' } });
  if (folder) ws().setExpanded(folder, true);
  await ws().reload();
  await openRequest(path);
});

export const newFolder = (parent: string) => guarded(async (root) => {
  const name = await promptText({ title: parent ? 'New folder' : 'New collection', label: 'Name', action: 'Create' });
  if (!name) return;
  const { path } = await api.workspace.createFolder({ dir: root, parent, name });
  ws().setExpanded(path, true);
  if (parent) ws().setExpanded(parent, true);
});

export const renameNode = (node: TreeNode) => guarded(async (root) => {
  const name = await promptText({ title: `Rename ${node.type}`, label: 'Name', initial: node.name, action: 'Rename' });
  if (!name || name === node.name) return;
  const { path } = await api.workspace.rename({ dir: root, path: node.path, name });
  const editor = useRequestEditorStore.getState();
  for (const d of editor.tabs) {
    if (!d.file || !under(node.path, d.file.path)) continue;
    const moved = path + d.file.path.slice(node.path.length);
    const disk = await api.workspace.readRequest({ dir: root, path: moved }).catch((err: unknown) => {
      // The tab follows the file all the same, so a later save does not recreate the old name.
      editor.setFileLink(d.id, { path: moved });
      editor.setNotice(d.id, { tone: 'warning', title: `${moved} could not be read after the rename`, messages: [toClientError(err).message] });
      return null;
    });
    if (!disk) continue;
    if (isDraftDirty(d)) editor.setFileLink(d.id, { path: moved, version: disk.version, saved: disk.request });
    else editor.replaceFromFile(d.id, disk.request, { path: moved, version: disk.version, saved: disk.request, conflict: null });
  }
});

export const deleteNode = (node: TreeNode) => guarded(async (root) => {
  const tabs = useRequestEditorStore.getState().tabs.filter((d) => d.file && under(node.path, d.file.path));
  const dirty = tabs.some(isDraftDirty);
  const what = node.type === 'folder' ? `the folder “${node.name}” and every request in it` : `“${node.name}”`;
  const ok = await confirmAction({
    title: `Delete ${node.type}`, action: 'Delete', danger: true,
    message: `Delete ${what} from disk?${dirty ? ' Unsaved edits in open tabs are lost.' : ''} If the workspace is in git, you can restore it from there.`,
  });
  if (!ok) return;
  await api.workspace.delete({ dir: root, path: node.path });
  for (const d of tabs) closeTab(d.id);
});
