import { hostProblem, type KeyForm } from './key-form';
import { FieldGroup, TextField } from './form-bits';

/** Owner/tenant, the hosts the key is bound to (checked as typed), expected scopes and expiry. */
export function KeyMeta({ form, set, errors }: { form: KeyForm; set(patch: Partial<KeyForm>): void; errors: Record<string, string> }) {
  const hosts = form.hosts.length ? form.hosts : [''];
  const putHost = (i: number, v: string) => set({ hosts: hosts.map((h, j) => (j === i ? v : h)) });
  const expired = form.expires && !Number.isNaN(Date.parse(form.expires)) && Date.parse(form.expires) < Date.now();
  return (
    <>
      <FieldGroup title="Bound hosts" aside="the key is sent only to these hosts (after any gateway rewrite)">
        <ul className="host-list" aria-label="Bound hosts">
          {hosts.map((h, i) => {
            const problem = hostProblem(h);
            return (
              <li key={i} className="host-row">
                <input className={`field-input mono${problem ? ' is-invalid' : ''}`} aria-label={`Host ${i + 1}`} value={h} spellCheck={false}
                  placeholder="api.example.com, *.example.com, 127.0.0.1:8080" aria-invalid={!!problem} onChange={(e) => putHost(i, e.target.value)} />
                <button type="button" className="icon-btn" aria-label={`Remove host ${i + 1}`} disabled={hosts.length === 1}
                  onClick={() => set({ hosts: hosts.filter((_, j) => j !== i) })}>×</button>
                {problem && <span className="field-error">{problem}</span>}
              </li>
            );
          })}
        </ul>
        <button type="button" className="link-btn" onClick={() => set({ hosts: [...hosts, ''] })}>+ Add host</button>
        {errors.hosts && <span className="field-error" role="alert">{errors.hosts}</span>}
      </FieldGroup>
      <FieldGroup title="Metadata">
        <div className="field-row">
          <TextField label="Owner" value={form.owner} onChange={(v) => set({ owner: v })} placeholder="team or person" />
          <TextField label="Tenant" value={form.tenant} onChange={(v) => set({ tenant: v })} placeholder="org, project, subscription" />
        </div>
        <div className="field-row">
          <TextField label="Expected scopes" mono value={form.scopes} onChange={(v) => set({ scopes: v })} placeholder="orders:read admin" />
          <TextField label="Expires" mono value={form.expires} onChange={(v) => set({ expires: v })} placeholder="2026-12-31" error={errors.expires}
            hint={expired ? <span className="chip chip-bad">expired</span> : undefined} />
        </div>
      </FieldGroup>
    </>
  );
}
