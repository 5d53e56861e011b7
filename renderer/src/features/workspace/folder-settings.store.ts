import { create } from 'zustand';
import { api, toClientError } from '../../platform';
import { formFromDefaults, defaultsFromForm, type FolderForm } from './folder-settings-form';
import { useWorkspaceStore } from './workspace.store';

/** The folder whose settings are open: path '' is the collection root (clearance.yaml). */
export interface FolderTarget { path: string; label: string }

interface Loaded { form: FolderForm; version: string; file: string }

export const useFolderSettings = create<{ target: FolderTarget | null }>()(() => ({ target: null }));

/** Opens the settings dialog of a folder ("Folder settings…") or of the collection root (path ''). */
export function openFolderSettings(path: string, label: string): void {
  useFolderSettings.setState({ target: { path, label } });
}

export function closeFolderSettings(): void {
  useFolderSettings.setState({ target: null });
}

const fileOf = (path: string) => (path ? `${path}/folder.yaml` : 'clearance.yaml');
const errText = (err: unknown) => {
  const e = toClientError(err);
  return e.remedy ? `${e.message} ${e.remedy}` : e.message;
};

/** Reads the file behind the dialog; a broken file comes back as an error (the dialog then offers nothing to save). */
export async function loadFolderSettings(path: string): Promise<Loaded | { error: string }> {
  const root = useWorkspaceStore.getState().root;
  if (!root) return { error: 'No workspace is open.' };
  try {
    const { folder, version } = await api.workspace.readFolder({ dir: root, path });
    return { form: formFromDefaults(folder?.defaults), version, file: fileOf(path) };
  } catch (err) {
    return { error: errText(err) };
  }
}

/** Saves the defaults with the version read (a conflict is reported, nothing is lost), then reloads the tree and previews. */
export async function saveFolderSettings(path: string, form: FolderForm, baseVersion: string): Promise<string | null> {
  const ws = useWorkspaceStore.getState();
  if (!ws.root) return 'No workspace is open.';
  try {
    await api.workspace.saveFolder({ dir: ws.root, path, defaults: defaultsFromForm(form), baseVersion });
  } catch (err) {
    return errText(err);
  }
  await ws.reload();
  return null;
}
