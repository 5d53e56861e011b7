import { useState } from 'react';
import { create } from 'zustand';
import { Button, Dialog } from '../../ui';
import type { Draft } from '../request-editor';

interface SaveAsk {
  name: string;
  folders: Array<{ path: string; label: string }>;
  /** writes the file; an error message keeps the dialog open */
  save(name: string, folder: string): Promise<string | null>;
  resolve(saved: boolean): void;
}

const useSaveAsk = create<{ current: SaveAsk | null }>()(() => ({ current: null }));

/** Opens the Save request dialog; true once the file is written, false when cancelled. */
export function askSaveRequest(opts: Omit<SaveAsk, 'resolve'>): Promise<boolean> {
  const open = useSaveAsk.getState().current;
  if (open) return Promise.resolve(false); // one at a time: a second Ctrl+S leaves the open dialog as it is
  return new Promise((resolve) => useSaveAsk.setState({ current: { ...opts, resolve } }));
}

function SaveForm({ ask }: { ask: SaveAsk }) {
  const [name, setName] = useState(ask.name);
  const [folder, setFolder] = useState(ask.folders[0]?.path ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const done = (saved: boolean) => { useSaveAsk.setState({ current: null }); ask.resolve(saved); };
  const submit = async () => {
    if (!name.trim() || busy) return;
    setBusy(true);
    const err = await ask.save(name.trim(), folder);
    setBusy(false);
    if (err) setError(err);
    else done(true);
  };
  return (
    <Dialog title="Save request" onClose={() => done(false)} footer={<>
      <Button onClick={() => done(false)}>Cancel</Button>
      <Button variant="primary" disabled={!name.trim() || busy} onClick={() => void submit()}>Save</Button>
    </>}>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label className="field">
          <span className="field-label">Request name</span>
          <input className="field-input" aria-label="Request name" value={name} spellCheck={false}
            onFocus={(e) => e.target.select()} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Folder</span>
          <select className="field-input" aria-label="Folder" value={folder} onChange={(e) => setFolder(e.target.value)}>
            {ask.folders.map((f) => <option key={f.path} value={f.path}>{f.label}</option>)}
          </select>
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
      </form>
    </Dialog>
  );
}

/** Renders the open Save request dialog; mount once in the app. */
export function SaveRequestDialogHost() {
  const ask = useSaveAsk((s) => s.current);
  return ask ? <SaveForm ask={ask} /> : null;
}

/** The Save button of the URL bar (Ctrl/⌘+S). */
export function SaveButton({ draft, onSave }: { draft: Draft; onSave(id: string): void }) {
  const title = draft.file ? `Save to ${draft.file.path} (Ctrl/⌘+S)` : 'Save this request to the workspace (Ctrl/⌘+S)';
  return <Button className="url-tools" title={title} onClick={() => onSave(draft.id)}>Save</Button>;
}
