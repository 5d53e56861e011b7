import type { KeyForm } from './key-form';
import { SelectField, TextField } from './form-bits';

/** The fields of the form's kind (secrets are edited separately, as password inputs). */
export function KeyKindFields({ form, set, errors }: { form: KeyForm; set(patch: Partial<KeyForm>): void; errors: Record<string, string> }) {
  switch (form.kind) {
    case 'api-key':
      return (
        <div className="field-row">
          <SelectField label="Sent in" value={form.in} options={[['header', 'Header'], ['query', 'Query parameter']]} onChange={(v) => set({ in: v })} />
          <TextField label={form.in === 'header' ? 'Header name' : 'Parameter name'} mono value={form.param} onChange={(v) => set({ param: v })}
            placeholder="x-api-key" error={errors.param} />
          {form.in === 'header' && <TextField label="Value prefix" mono value={form.prefix} onChange={(v) => set({ prefix: v })} placeholder="e.g. Apikey " />}
        </div>
      );
    case 'bearer':
      return <TextField label="Scheme" mono value={form.scheme} onChange={(v) => set({ scheme: v })} placeholder="Bearer" error={errors.scheme} />;
    case 'basic':
    case 'digest':
      return <TextField label="Username" value={form.username} onChange={(v) => set({ username: v })} error={errors.username} />;
    case 'oauth2-client-credentials':
      return (
        <>
          <TextField label="Token URL" mono value={form.tokenUrl} onChange={(v) => set({ tokenUrl: v })} placeholder="https://auth.example.com/oauth/token" error={errors.tokenUrl} />
          <div className="field-row">
            <TextField label="Client ID" mono value={form.clientId} onChange={(v) => set({ clientId: v })} error={errors.clientId} />
            <SelectField label="Client authentication" value={form.clientAuth} options={[['basic', 'HTTP Basic'], ['body', 'Form fields']]} onChange={(v) => set({ clientAuth: v })} />
          </div>
          <div className="field-row">
            <TextField label="Requested scopes" mono value={form.scope} onChange={(v) => set({ scope: v })} placeholder="orders:read orders:write" />
            <TextField label="Audience" mono value={form.audience} onChange={(v) => set({ audience: v })} />
          </div>
        </>
      );
    case 'aws-sigv4':
      return (
        <>
          <div className="field-row">
            <TextField label="Access key ID" mono value={form.accessKeyId} onChange={(v) => set({ accessKeyId: v })} error={errors.accessKeyId} />
            <TextField label="Service" mono value={form.service} onChange={(v) => set({ service: v })} placeholder="execute-api" error={errors.service} />
            <TextField label="Region" mono value={form.region} onChange={(v) => set({ region: v })} placeholder="eu-west-1" error={errors.region} />
          </div>
          <label className="check-row"><input type="checkbox" checked={form.withSessionToken} onChange={(e) => set({ withSessionToken: e.target.checked })} /> Temporary credentials (session token)</label>
        </>
      );
    case 'custom-headers':
      return (
        <div className="header-rows" role="group" aria-label="Headers">
          {form.headers.map((h, i) => {
            const put = (patch: Partial<typeof h>) => set({ headers: form.headers.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              <div key={i} className="header-row">
                <input className="field-input mono" aria-label={`Header ${i + 1} name`} value={h.name} placeholder="X-Header" onChange={(e) => put({ name: e.target.value })} />
                {h.secret ? <span className="muted header-secret-note">secret (below)</span>
                  : <input className="field-input mono" aria-label={`Header ${i + 1} value`} value={h.value} onChange={(e) => put({ value: e.target.value })} />}
                <label className="check-row"><input type="checkbox" checked={h.secret} onChange={(e) => put({ secret: e.target.checked })} /> secret</label>
                <button type="button" className="icon-btn" aria-label={`Remove header ${i + 1}`} onClick={() => set({ headers: form.headers.filter((_, j) => j !== i) })}>×</button>
              </div>
            );
          })}
          <button type="button" className="link-btn" onClick={() => set({ headers: [...form.headers, { name: '', value: '', secret: false, env: '' }] })}>+ Add header</button>
          {errors.headers && <span className="field-error">{errors.headers}</span>}
        </div>
      );
  }
}
