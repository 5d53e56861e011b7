// The Secrets dialog's state: where each secret of the open workspace is kept (workspace.secrets,
// the same report as `clearance secrets list --json`) and moving them all to one store.
import { create } from 'zustand';
import type { z } from 'zod';
import type { MoveSecretsResultSchema, SecretRefSchema, SecretsReportSchema, WorkspaceSecretSchema } from '../../../../shared/contract';
import { api, toClientError } from '../../platform';
import { useWorkspaceStore } from '../workspace';

export type SecretsReport = z.output<typeof SecretsReportSchema>;
export type WorkspaceSecret = z.output<typeof WorkspaceSecretSchema>;
export type SecretStoreName = 'keychain' | 'local-store';
type SecretRef = z.output<typeof SecretRefSchema>;
type MoveResult = z.output<typeof MoveSecretsResultSchema>;

interface SecretsState {
  open: boolean;
  report: SecretsReport | null;
  /** the last call's error, as the backend words it */
  error: string | null;
  /** what the last move did */
  notice: string | null;
  /** the store a move is going to */
  moving: SecretStoreName | null;
}

export const useSecretsStore = create<SecretsState>()(() => ({ open: false, report: null, error: null, notice: null, moving: null }));

const errText = (err: unknown) => {
  const e = toClientError(err);
  return e.remedy ? `${e.message}. ${e.remedy}` : e.message;
};

export const STORE_WORDS: Record<SecretStoreName, string> = { keychain: 'the OS keychain', 'local-store': 'the local store' };

/** `environment staging`, `key profile team`. */
export function ownerText(s: SecretRef): string {
  return s.scope === 'environment' ? `environment ${s.owner}` : `${s.scope} profile ${s.owner}`;
}

function movedText(r: MoveResult): string {
  const list = (l: SecretRef[]) => l.map((s) => `${ownerText(s)} ${s.name}`).join(', ');
  const n = r.moved.length + r.undeclared;
  const parts = [`Moved ${n} secret${n === 1 ? '' : 's'} to ${STORE_WORDS[r.to]}${r.moved.length ? `: ${list(r.moved)}` : ''}${r.undeclared ? ` (and ${r.undeclared} no file declares)` : ''}.`];
  if (r.already.length) parts.push(`Already there: ${list(r.already)}.`);
  if (r.absent.length) parts.push(`Stored nowhere (given by env: or not set): ${list(r.absent)}.`);
  return parts.join(' ');
}

/** Reads where each secret is now; keeps the last notice (a move's outcome) unless told otherwise. */
export async function loadSecrets(): Promise<void> {
  const root = useWorkspaceStore.getState().root;
  if (!root) {
    useSecretsStore.setState({ report: null, error: 'No workspace is open.' });
    return;
  }
  try {
    useSecretsStore.setState({ report: await api.workspace.secrets({ dir: root }), error: null });
  } catch (err) {
    useSecretsStore.setState({ error: errText(err) });
  }
}

export function openSecrets(): void {
  useSecretsStore.setState({ open: true, report: null, error: null, notice: null, moving: null });
  void loadSecrets();
}

export function closeSecrets(): void {
  useSecretsStore.setState({ open: false });
}

/** Moves every stored secret to `to`, then reads the places again (a failed move may have moved some). */
export async function moveAllSecrets(to: SecretStoreName): Promise<void> {
  const root = useWorkspaceStore.getState().root;
  if (!root || useSecretsStore.getState().moving) return;
  useSecretsStore.setState({ moving: to, error: null, notice: null });
  let error: string | null = null;
  let notice: string | null = null;
  try {
    notice = movedText(await api.workspace.moveSecrets({ dir: root, to }));
  } catch (err) {
    error = errText(err);
  }
  await loadSecrets();
  useSecretsStore.setState((s) => ({ moving: null, notice, error: error ?? s.error }));
}
