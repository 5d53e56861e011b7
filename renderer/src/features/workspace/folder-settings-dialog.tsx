import { useEffect, useState } from 'react';
import { Button, Dialog, KeyValueTable, Tabs } from '../../ui';
import { ProfilePick } from '../profiles/request-profiles';
import { useProfilesStore } from '../profiles/profiles.store';
import { formProblems, type FolderForm } from './folder-settings-form';
import { closeFolderSettings, loadFolderSettings, saveFolderSettings, useFolderSettings, type FolderTarget } from './folder-settings.store';
import { FolderVariables } from './folder-variables';

type Tab = 'headers' | 'variables' | 'profiles';
const blankHeader = () => ({ name: '', value: '', enabled: true });

function ProfilesTab({ form, set, root }: { form: FolderForm; set(patch: Partial<FolderForm>): void; root: boolean }) {
  const keys = useProfilesStore((s) => s.keys);
  const gateways = useProfilesStore((s) => s.gateways);
  const open = useProfilesStore((s) => s.openEditor);
  const inherit = root ? 'Inherit (none set)' : 'Inherit (parent folder / collection)';
  return (
    <div className="folder-profiles">
      <ProfilePick label="Key profile" aria="Folder key profile" value={form.key} names={keys.map((k) => k.name)} inherit={inherit}
        none={['none', 'No key']} onChange={(key) => set({ key })} onEdit={() => { closeFolderSettings(); open('key', form.key); }} />
      <ProfilePick label="Gateway" aria="Folder gateway" value={form.gateway} names={gateways.map((g) => g.name)} inherit={inherit}
        none={['direct', 'Direct']} onChange={(gateway) => set({ gateway })} onEdit={() => { closeFolderSettings(); open('gateway', form.gateway); }} />
      <p className="muted small">Requests below use these unless they name their own <code>key:</code> / <code>gateway:</code> (or a tab overrides them in the top bar).</p>
    </div>
  );
}

function SettingsForm({ target }: { target: FolderTarget }) {
  const [state, setState] = useState<{ form: FolderForm; version: string; file: string } | { error: string } | null>(null);
  const [tab, setTab] = useState<Tab>('headers');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void loadFolderSettings(target.path).then((r) => live && setState(r));
    return () => { live = false; };
  }, [target.path]);
  const root = target.path === '';
  const title = root ? `Collection settings · ${target.label}` : `Folder settings · ${target.label}`;
  const loaded = state && 'form' in state ? state : null;
  const problems = loaded ? formProblems(loaded.form) : [];
  const set = (patch: Partial<FolderForm>) => loaded && setState({ ...loaded, form: { ...loaded.form, ...patch } });
  const save = async () => {
    if (!loaded || busy || problems.length) return;
    setBusy(true);
    const err = await saveFolderSettings(target.path, loaded.form, loaded.version);
    setBusy(false);
    if (err) setError(err);
    else closeFolderSettings();
  };
  const count = (n: number) => (n ? n : undefined);
  return (
    <Dialog title={title} wide onClose={closeFolderSettings} footer={<>
      <Button onClick={closeFolderSettings}>Cancel</Button>
      <Button variant="primary" disabled={!loaded || busy || problems.length > 0} onClick={() => void save()}>Save</Button>
    </>}>
      {!state && <p className="muted">Loading…</p>}
      {state && 'error' in state && <p className="form-error" role="alert">{state.error}</p>}
      {loaded && (
        <>
          <p className="muted small">Defaults for every request {root ? 'in this workspace' : 'in this folder'}, saved to <code>{loaded.file}</code>. A request's own values win.</p>
          <Tabs<Tab> label="Settings" active={tab} onChange={setTab} items={[
            { key: 'headers', label: 'Headers', badge: count(loaded.form.headers.length) },
            { key: 'variables', label: 'Variables', badge: count(loaded.form.variables.length) },
            { key: 'profiles', label: 'Key & gateway', badge: loaded.form.key || loaded.form.gateway || undefined },
          ]}>
            <div className="folder-settings-panel">
              {tab === 'headers' && <KeyValueTable rows={loaded.form.headers} onChange={(headers) => set({ headers })} noun="header" blank={blankHeader} />}
              {tab === 'variables' && <FolderVariables rows={loaded.form.variables} onChange={(variables) => set({ variables })} />}
              {tab === 'profiles' && <ProfilesTab form={loaded.form} set={set} root={root} />}
            </div>
          </Tabs>
          {problems.map((p) => <p key={p} className="form-error">{p}</p>)}
          {error && <p className="form-error" role="alert">{error}</p>}
        </>
      )}
    </Dialog>
  );
}

/** Renders the open Folder / Collection settings dialog; mount once in the app. */
export function FolderSettingsHost() {
  const target = useFolderSettings((s) => s.target);
  return target ? <SettingsForm key={target.path} target={target} /> : null;
}
