import { useState } from 'react';
import { Dialog } from '../../ui';
import { FieldGroup, TextField } from './form-bits';
import { GatewayHeaders, GatewayTransport } from './gateway-extra';
import { applyPreset, emptyGatewayForm, formFromGateway, gatewayFromForm, gatewaySecretFieldsOf, validateGateway, type GatewayForm } from './gateway-form';
import { PresetPicker } from './preset-picker';
import { clearProfileSecret, saveGatewayProfile, useProfilesStore, useSavedTo, type GatewayEntry } from './profiles.store';
import { RewriteFields } from './rewrite-fields';
import { SecretInput } from './secret-input';
import { useEditorActions } from './use-editor-actions';

/** Creates or edits a gateway profile (gateways/<name>.yaml), starting from a preset. */
export function GatewayEditor({ entry, onClose }: { entry: GatewayEntry | undefined; onClose(): void }) {
  const presets = useProfilesStore((s) => s.presets);
  const [form, setForm] = useState<GatewayForm>(() => (entry?.profile ? formFromGateway(entry.profile) : emptyGatewayForm()));
  const [typed, setTyped] = useState<Record<string, string>>({});
  const set = (patch: Partial<GatewayForm>) => setForm((f) => ({ ...f, ...patch }));
  const errors = validateGateway(form);
  const { error, tried, footer } = useEditorActions({
    kind: 'gateway', entry, errors, onClose,
    persist: () => saveGatewayProfile(gatewayFromForm(form), { previousName: entry?.name, baseVersion: entry?.version, secrets: typed }),
  });
  const shown = tried ? errors : Object.fromEntries(Object.entries(errors).filter(([k]) => k !== 'name' && k !== 'rewrite.to'));
  const savedTo = useSavedTo('gateway', form.name);
  const stateOf = (field: string) => (entry?.profile?.name === form.name ? entry.secrets.find((s) => s.field === field) : undefined);

  return (
    <Dialog title={entry ? `Gateway · ${entry.name}` : 'New gateway profile'} onClose={onClose} wide footer={footer}>
      <div className="profile-editor">
        {entry?.problem && <p className="form-error" role="alert">{entry.path}: {entry.problem.message}</p>}
        <div className="field-row">
          <TextField label="Name" value={form.name} onChange={(v) => set({ name: v })} placeholder="kong-prod" error={shown.name} />
          <TextField label="Description" value={form.description} onChange={(v) => set({ description: v })} />
        </div>
        <PresetPicker presets={presets} value={form.preset} onPick={(p) => setForm((f) => applyPreset(f, p))} />
        <RewriteFields form={form} set={set} errors={shown} />
        <GatewayHeaders form={form} set={set} errors={shown} />
        <GatewayTransport form={form} set={set} errors={shown} />
        {gatewaySecretFieldsOf(form).length > 0 && (
          <FieldGroup title="Secrets">
            {gatewaySecretFieldsOf(form).map(({ field, label }) => (
              <SecretInput key={field} field={field} label={label} state={stateOf(field)} value={typed[field] ?? ''} env={form.env[field] ?? ''} savedTo={savedTo(field)}
                onValue={(v) => setTyped((t) => ({ ...t, [field]: v }))} onEnv={(v) => set({ env: { ...form.env, [field]: v } })}
                onClear={entry ? () => void clearProfileSecret('gateway', entry.name, field) : undefined} />
            ))}
          </FieldGroup>
        )}
        {error && <p className="form-error" role="alert">{error}</p>}
        {tried && Object.keys(errors).length > 0 && !error && (
          <p className="form-error" role="alert">Fix the highlighted fields: {Object.entries(errors).map(([k, v]) => `${k || 'profile'}: ${v}`).join('; ')}</p>
        )}
      </div>
    </Dialog>
  );
}
