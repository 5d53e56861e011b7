import { useActiveDraft } from '../request-editor/request-editor.store';
import { useWorkspaceStore } from '../workspace';
import { useProfileOverrides } from './overrides';
import { ProfileEditorHost } from './profile-editor-host';
import { useProfilesStore } from './profiles.store';

export function Selector({ label, aria, value, fallback, options, none, disabled, title, onChange }: {
  label: string; aria: string; value: string; fallback: string; options: string[]; none: [string, string]; disabled: boolean; title: string; onChange(v: string): void;
}) {
  return (
    <label className={`slot slot-select${disabled ? ' is-disabled' : ''}`} title={title}>
      <span className="slot-label">{label}</span>
      <select aria-label={aria} className="slot-native" disabled={disabled} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{fallback}</option>
        <option value={none[0]}>{none[1]}</option>
        {options.map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
      <span className="slot-caret" aria-hidden>▾</span>
    </label>
  );
}

/**
 * Key ▾ and Gateway ▾ in the top bar: an override for the active request tab, sent with
 * workspace.sendRequest; "Default" keeps what the request, its folder or the collection names.
 */
export function ProfileSelectors() {
  const root = useWorkspaceStore((s) => s.root);
  const draft = useActiveDraft();
  const keys = useProfilesStore((s) => s.keys);
  const gateways = useProfilesStore((s) => s.gateways);
  const override = useProfileOverrides((s) => s.byTab[draft.id]);
  const setOverride = useProfileOverrides((s) => s.set);
  const disabled = !root || !draft.file;
  const why = !root ? 'Open a workspace to use key and gateway profiles' : !draft.file ? 'Profiles apply to requests saved in the workspace' : '';
  const keyDefault = draft.profiles?.key ? `Default (${draft.profiles.key})` : 'Default';
  const gwDefault = draft.profiles?.gateway ? `Default (${draft.profiles.gateway})` : 'Default';
  return (
    <>
      <Selector label="Key" aria="Key profile" value={override?.key ?? ''} fallback={keyDefault} none={['none', 'No key']} disabled={disabled}
        title={why || 'Key profile for this request tab (overrides the request, folder and collection default)'}
        options={keys.filter((k) => k.profile).map((k) => k.name)} onChange={(v) => setOverride(draft.id, { key: v || undefined })} />
      <Selector label="Gateway" aria="Gateway profile" value={override?.gateway ?? ''} fallback={gwDefault} none={['direct', 'Direct']} disabled={disabled}
        title={why || 'Gateway profile for this request tab (overrides the request, folder and collection default)'}
        options={gateways.filter((g) => g.profile).map((g) => g.name)} onChange={(v) => setOverride(draft.id, { gateway: v || undefined })} />
      <ProfileEditorHost />
    </>
  );
}
