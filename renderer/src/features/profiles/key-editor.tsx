import { useState } from 'react';
import { KEY_KINDS, type KeyKind } from '../../../../shared/model';
import { Dialog } from '../../ui';
import { FieldGroup, SelectField, TextField } from './form-bits';
import { JwtClaims, localJwt } from './jwt-claims';
import { emptyKeyForm, formFromProfile, formSecretFields, KIND_LABELS, profileFromForm, validateKey, type KeyForm } from './key-form';
import { KeyKindFields } from './key-kind-fields';
import { KeyMeta } from './key-meta';
import { clearProfileSecret, saveKeyProfile, useSavedTo, type KeyEntry } from './profiles.store';
import { SecretInput } from './secret-input';
import { useEditorActions } from './use-editor-actions';

/** Creates or edits a key profile (keys/<name>.yaml); secrets go to the keychain (else the local store), never to the file. */
export function KeyEditor({ entry, onClose }: { entry: KeyEntry | undefined; onClose(): void }) {
  const [form, setForm] = useState<KeyForm>(() => (entry?.profile ? formFromProfile(entry.profile) : emptyKeyForm()));
  const [typed, setTyped] = useState<Record<string, string>>({});
  const set = (patch: Partial<KeyForm>) => setForm((f) => ({ ...f, ...patch }));
  const errors = validateKey(form);
  const { error, tried, footer } = useEditorActions({
    kind: 'key', entry, errors, onClose,
    persist: () => saveKeyProfile(profileFromForm(form), { previousName: entry?.name, baseVersion: entry?.version, secrets: typed }),
  });
  const shown = tried ? errors : Object.fromEntries(Object.entries(errors).filter(([k]) => k !== 'hosts' && k !== 'name' && !k.startsWith('headers')));
  const secretFields = formSecretFields(form);
  const savedTo = useSavedTo('key', form.name);
  const stateOf = (field: string) => (entry?.profile && entry.profile.name === form.name ? entry.secrets.find((s) => s.field === field) : undefined);
  const jwt = form.kind === 'bearer'
    ? (typed.token ? localJwt(typed.token, form.scopes.split(/[\s,]+/).filter(Boolean)) : entry?.profile?.kind === 'bearer' ? entry.jwt : undefined)
    : undefined;

  return (
    <Dialog title={entry ? `Key profile · ${entry.name}` : 'New key profile'} onClose={onClose} wide footer={footer}>
      <div className="profile-editor">
        {entry?.problem && <p className="form-error" role="alert">{entry.path}: {entry.problem.message}</p>}
        <div className="field-row">
          <TextField label="Name" value={form.name} onChange={(v) => set({ name: v })} placeholder="team-key" error={shown.name} />
          <SelectField<KeyKind> label="Kind" value={form.kind} onChange={(kind) => set({ kind })}
            options={KEY_KINDS.map((k) => [k, KIND_LABELS[k]])} />
        </div>
        <FieldGroup title="Credential">
          <KeyKindFields form={form} set={set} errors={shown} />
          {secretFields.map(({ field, label }) => (
            <SecretInput key={field} field={field} label={label} state={stateOf(field)} value={typed[field] ?? ''} env={form.env[field] ?? ''} savedTo={savedTo(field)}
              onValue={(v) => setTyped((t) => ({ ...t, [field]: v }))} onEnv={(v) => set({ env: { ...form.env, [field]: v } })}
              onClear={entry ? () => void clearProfileSecret('key', entry.name, field) : undefined} />
          ))}
          {jwt && <JwtClaims jwt={jwt} typed={!!typed.token} />}
        </FieldGroup>
        <KeyMeta form={form} set={set} errors={shown} />
        {error && <p className="form-error" role="alert">{error}</p>}
        {tried && Object.keys(errors).length > 0 && !error && (
          <p className="form-error" role="alert">Fix the highlighted fields: {Object.entries(errors).map(([k, v]) => `${k || 'profile'}: ${v}`).join('; ')}</p>
        )}
      </div>
    </Dialog>
  );
}

