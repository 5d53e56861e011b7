import { useState, type ReactElement } from 'react';
import { Button, confirmAction } from '../../ui';
import { deleteProfile, type SaveOutcome } from './profiles.store';

export interface EditorActionsOptions {
  kind: 'key' | 'gateway';
  /** the profile being edited; undefined for a new one */
  entry: { name: string; path: string } | undefined;
  /** validation errors of the form as it stands */
  errors: Record<string, string>;
  /** writes the profile (and its typed secrets) */
  persist: () => Promise<SaveOutcome>;
  onClose(): void;
}

/** Save and delete for the key and gateway editors: validation gate, busy state, errors, confirm. */
export function useEditorActions({ kind, entry, errors, persist, onClose }: EditorActionsOptions) {
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(): Promise<void> {
    setTried(true);
    if (Object.keys(errors).length) return;
    setBusy(true);
    const r = await persist();
    setBusy(false);
    if ('error' in r) setError(r.error);
    else if (!r.keepOpen) onClose();
  }

  async function remove(): Promise<void> {
    if (!entry) return;
    const what = kind === 'key' ? 'key profile' : 'gateway';
    if (!(await confirmAction({ title: `Delete ${what} "${entry.name}"?`, message: `${entry.path} and its keychain entries are deleted.`, action: 'Delete', danger: true }))) return;
    const err = await deleteProfile(kind, entry.name);
    if (err) setError(err);
    else onClose();
  }

  /** Delete (existing profiles only), Cancel, Save: the same footer for both editors. */
  const footer: ReactElement = (<>
    {entry && <Button variant="danger" onClick={() => void remove()} className="footer-left">Delete</Button>}
    <Button onClick={onClose}>Cancel</Button>
    <Button variant="primary" disabled={busy} onClick={() => void save()}>{busy ? 'Saving…' : 'Save'}</Button>
  </>);

  return { error, setError, tried, busy, save, remove, footer };
}
