import { join } from 'node:path';
import { FOLDER_FILE, FolderFileSchema, WORKSPACE_FILE, WorkspaceFileSchema } from '../../shared/model';
import { writeFileAtomic } from './atomic-write';
import { encode } from './codec';
import { readTyped } from './read-file';

/**
 * Edits the `order` list of the folder holding an entry (folder.yaml, or clearance.yaml at the
 * root). A broken metadata file is left untouched: order is a nicety, the file is the user's.
 */
export async function editOrder(root: string, folderRel: string, edit: (order: string[]) => string[] | null): Promise<void> {
  const atRoot = folderRel === '' || folderRel === '.';
  const full = atRoot ? join(root, WORKSPACE_FILE) : join(root, folderRel, FOLDER_FILE);
  const rel = atRoot ? WORKSPACE_FILE : `${folderRel}/${FOLDER_FILE}`;
  if (atRoot) {
    const r = await readTyped(WorkspaceFileSchema, full, rel);
    if (!r.ok || !r.value.order) return;
    const next = edit(r.value.order);
    if (next) await writeFileAtomic(full, encode(WorkspaceFileSchema, { ...r.value, order: next }));
    return;
  }
  const r = await readTyped(FolderFileSchema, full, rel);
  if (!r.ok || !r.value.order) return;
  const next = edit(r.value.order);
  if (next) await writeFileAtomic(full, encode(FolderFileSchema, { ...r.value, order: next }));
}

const matches = (entry: string, name: string): boolean => entry === name || `${entry}.yaml` === name || `${entry}.yml` === name;

export function removeFromOrder(name: string): (order: string[]) => string[] | null {
  return (order) => (order.some((o) => matches(o, name)) ? order.filter((o) => !matches(o, name)) : null);
}

export function renameInOrder(from: string, to: string): (order: string[]) => string[] | null {
  return (order) => (order.some((o) => matches(o, from)) ? order.map((o) => (matches(o, from) ? to : o)) : null);
}
