// The credential values an import found (capture mode): stored under the id of the workspace the
// import writes, in the OS keychain or, with no keychain reachable, in the local store, with a
// warning that names that file. Shared by `clearance import` and the app's Import.
import { join } from 'node:path';
import { WORKSPACE_FILE, WorkspaceFileSchema } from '../../shared/model/workspace';
import { readTyped } from '../workspace/read-file';
import { storeSecrets, type StoreOutcome, type Stores } from './placement';
import type { SlotValue } from './slots';

export interface KeptSecrets extends StoreOutcome {
  /** set when values went to the local store: says so and names the file */
  warning?: string;
}

/** `root` is the folder writeCollection wrote (its clearance.yaml holds the id); `outDir` is where the user will find it. */
export async function keepImportedSecrets(root: string, outDir: string, secrets: SlotValue[], stores: Stores = {}): Promise<KeptSecrets> {
  if (secrets.length === 0) return { keychain: 0, localStore: 0 };
  const ws = await readTyped(WorkspaceFileSchema, join(root, WORKSPACE_FILE), WORKSPACE_FILE);
  if (!ws.ok) throw new Error(`${WORKSPACE_FILE} just written cannot be read back: ${ws.problem.message}`);
  const out: KeptSecrets = await storeSecrets(ws.value.id, secrets, stores);
  if (out.localStore > 0) {
    out.warning = `${out.reason ?? 'No OS keychain is available'}. ${out.localStore} secret value(s) were written instead to the local store ${out.path} `
      + `(readable by you alone, outside the workspace). Where a keychain is available, \`clearance secrets move ${outDir} --to keychain\` moves them there.`;
  }
  return out;
}
