// Saving tabs into the workspace: Ctrl/Cmd+S on any tab (a file saves in place, a scratch tab asks
// for a name and folder and becomes a file tab), and closing a tab with unsaved changes.
import type { TreeNode } from '../../../../shared/model';
import { api, toClientError } from '../../platform';
import { chooseAction } from '../../ui';
import {
  closeTab, draftTitle, isDraftDirty, isScratchEdited, newFileFromDraft, suggestedName, useRequestEditorStore, type Draft,
} from '../request-editor';
import { chooseFolder } from './empty-state';
import { saveTab } from './file-actions';
import { askSaveRequest } from './save-request-dialog';
import { useWorkspaceStore } from './workspace.store';

const editor = () => useRequestEditorStore.getState();
const ws = () => useWorkspaceStore.getState();
const tabOf = (id?: string): Draft | undefined => {
  const s = editor();
  return s.tabs.find((d) => d.id === (id ?? s.activeId));
};

export interface FolderChoice { path: string; label: string }

/** Every folder of the workspace, the root first, nested ones as `Orders / Drafts`. */
export function folderChoices(tree: TreeNode[], rootName: string): FolderChoice[] {
  const out: FolderChoice[] = [{ path: '', label: `${rootName} (workspace root)` }];
  const walk = (nodes: TreeNode[], prefix: string) => {
    for (const n of nodes) {
      if (n.type !== 'folder') continue;
      const label = prefix ? `${prefix} / ${n.name}` : n.name;
      out.push({ path: n.path, label });
      walk(n.children, label);
    }
  };
  walk(tree, '');
  return out;
}

/** A scratch tab → a new request file (name and folder asked); the tab then edits that file. True when saved. */
export async function saveScratchTab(id: string): Promise<boolean> {
  const { root, snapshot } = ws();
  const d = tabOf(id);
  if (!root || !snapshot || !d || d.file) return false;
  const folders = folderChoices(snapshot.tree, snapshot.file.name);
  return askSaveRequest({
    name: suggestedName(d),
    folders,
    async save(name, folder) {
      const cur = tabOf(id);
      if (!cur) return 'The tab was closed.';
      try {
        const request = newFileFromDraft(cur, name);
        const { path } = await api.workspace.createRequest({ dir: root, folder, request });
        const disk = await api.workspace.readRequest({ dir: root, path });
        editor().replaceFromFile(id, disk.request, { path, version: disk.version, saved: disk.request, conflict: null });
        if (folder) ws().setExpanded(folder, true);
        await ws().reload();
        return null;
      } catch (err) {
        const e = toClientError(err);
        return e.remedy ? `${e.message} ${e.remedy}` : e.message;
      }
    },
  });
}

/** Ctrl/Cmd+S and the Save button: in place for a file tab, through the Save dialog for a scratch tab. */
export async function saveActiveTab(id?: string): Promise<boolean> {
  const d = tabOf(id);
  if (!d) return false;
  if (d.file) return saveTab(d.id);
  if (!ws().root) {
    editor().setNotice(d.id, {
      tone: 'warning',
      title: 'Open a workspace to save requests',
      messages: ['Requests are saved as YAML files in a workspace folder. Until then, every send is kept in History.'],
      action: { label: 'Open folder', run: () => { editor().setNotice(d.id, null); void chooseFolder('open'); } },
    });
    return false;
  }
  return saveScratchTab(d.id);
}

/** The × of a tab and Ctrl/Cmd+W: unsaved changes ask Save / Don't save / Cancel first. */
export async function closeTabAsking(id: string): Promise<void> {
  const d = tabOf(id);
  if (!d) return;
  // A scratch tab can only be saved into a workspace: without one there is nothing to offer.
  const unsaved = d.file ? isDraftDirty(d) : ws().root !== null && isScratchEdited(d);
  if (!unsaved) {
    closeTab(id);
    return;
  }
  const choice = await chooseAction({
    title: `Save changes to “${draftTitle(d)}”?`,
    message: d.file
      ? `${d.file.path} has unsaved changes. They are lost if you close the tab without saving.`
      : 'This request is not saved in the workspace. It is lost if you close the tab without saving (sends stay in History).',
    choices: [{ value: 'discard', label: "Don't save" }, { value: 'save', label: 'Save', variant: 'primary' }],
  });
  if (choice === null) return;
  if (choice === 'save' && !(await saveActiveTab(id))) return;
  closeTab(id);
}
