import type { Draft } from '../request-editor/draft';
import { useRequestEditorStore } from '../request-editor/request-editor.store';
import { useProfileOverrides } from './overrides';
import { useProfilesStore } from './profiles.store';

/** A key or gateway profile picker: inherit (''), none/direct, or a workspace profile; also used by folder settings. */
export function ProfilePick({ label, value, names, inherit, none, onChange, onEdit, aria }: {
  label: string; value: string; names: string[]; inherit: string; none: [string, string]; onChange(v: string): void; onEdit(): void; aria?: string;
}) {
  const unknown = value && value !== none[0] && !names.includes(value);
  return (
    <div className="request-profile-row">
      <label className="field">
        <span className="field-label">{label}</span>
        <select className="field-input" aria-label={aria ?? `Request ${label.toLowerCase()}`} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{inherit}</option>
          <option value={none[0]}>{none[1]}</option>
          {names.map((n) => <option key={n} value={n}>{n}</option>)}
          {unknown && <option value={value}>{value} (not found)</option>}
        </select>
      </label>
      <button type="button" className="link-btn" disabled={!value || value === none[0] || !!unknown} onClick={onEdit}>Edit profile</button>
      {unknown && <span className="field-error">No {label.toLowerCase()} named "{value}" in this workspace.</span>}
    </div>
  );
}

/** The "Key & gateway" request section: the file's own `key:` and `gateway:` (saved with Ctrl+S). */
export function RequestProfiles({ draft }: { draft: Draft }) {
  const setProfiles = useRequestEditorStore((s) => s.setProfiles);
  const keys = useProfilesStore((s) => s.keys);
  const gateways = useProfilesStore((s) => s.gateways);
  const open = useProfilesStore((s) => s.openEditor);
  const override = useProfileOverrides((s) => s.byTab[draft.id]);
  if (!draft.file) return <p className="empty-note">Save the request in a workspace to give it a key and a gateway profile. The top bar's Key ▾ and Gateway ▾ apply to workspace requests.</p>;
  const p = draft.profiles ?? { key: '', gateway: '' };
  return (
    <div className="scroll-area request-profiles">
      <ProfilePick label="Key profile" value={p.key} names={keys.map((k) => k.name)} inherit="Inherit (folder / collection default)" none={['none', 'No key']}
        onChange={(key) => setProfiles(draft.id, { key })} onEdit={() => open('key', p.key)} />
      <ProfilePick label="Gateway" value={p.gateway} names={gateways.map((g) => g.name)} inherit="Inherit (folder / collection default)" none={['direct', 'Direct']}
        onChange={(gateway) => setProfiles(draft.id, { gateway })} onEdit={() => open('gateway', p.gateway)} />
      <p className="muted small">Saved to <code>{draft.file.path}</code> as <code>key:</code> / <code>gateway:</code> with Ctrl+S.
        {(override?.key || override?.gateway) && <> This tab currently sends with the top bar's override{override.key ? ` key ${override.key}` : ''}{override.gateway ? ` gateway ${override.gateway}` : ''}.</>}</p>
    </div>
  );
}
