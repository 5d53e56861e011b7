import type { ReactNode } from 'react';
import { FieldGroup, TextField } from './form-bits';
import type { GatewayForm } from './gateway-form';

type Props = { form: GatewayForm; set(p: Partial<GatewayForm>): void; errors: Record<string, string> };

/** Headers the gateway needs (origin `gateway` on the wire); secret ones are set below as password inputs. */
export function GatewayHeaders({ form, set }: Props) {
  return (
    <FieldGroup title="Headers the gateway needs">
      <div className="header-rows" role="group" aria-label="Gateway headers">
        {form.headers.length === 0 && <p className="muted small">None.</p>}
        {form.headers.map((h, i) => {
          const put = (patch: Partial<typeof h>) => set({ headers: form.headers.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
          return (
            <div key={i} className="header-row">
              <input className="field-input mono" aria-label={`Gateway header ${i + 1} name`} value={h.name} placeholder="X-Tenant" onChange={(e) => put({ name: e.target.value })} />
              {h.secret ? <span className="muted header-secret-note">secret (below)</span>
                : <input className="field-input mono" aria-label={`Gateway header ${i + 1} value`} value={h.value} onChange={(e) => put({ value: e.target.value })} />}
              <label className="check-row"><input type="checkbox" checked={h.secret} onChange={(e) => put({ secret: e.target.checked })} /> secret</label>
              <button type="button" className="icon-btn" aria-label={`Remove gateway header ${i + 1}`} onClick={() => set({ headers: form.headers.filter((_, j) => j !== i) })}>×</button>
            </div>
          );
        })}
        <button type="button" className="link-btn" onClick={() => set({ headers: [...form.headers, { name: '', value: '', secret: false, env: '' }] })}>+ Add header</button>
      </div>
    </FieldGroup>
  );
}

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange(v: boolean): void }): ReactNode {
  return <label className="check-row"><input type="checkbox" aria-label={label} checked={checked} onChange={(e) => onChange(e.target.checked)} /> on</label>;
}

/** Forward proxy, TLS and timeouts. */
export function GatewayTransport({ form, set, errors }: Props) {
  return (
    <>
      <FieldGroup title="Forward proxy" aside={<Toggle label="Use a forward proxy" checked={form.proxyOn} onChange={(v) => set({ proxyOn: v })} />}>
        {form.proxyOn ? (
          <div className="field-row">
            <TextField label="Proxy URL" mono value={form.proxyUrl} onChange={(v) => set({ proxyUrl: v })} placeholder="http://proxy.corp:3128" error={errors['proxy.url']} />
            <TextField label="Proxy user" value={form.proxyUser} onChange={(v) => set({ proxyUser: v })} />
            <TextField label="No proxy for" mono value={form.noProxy} onChange={(v) => set({ noProxy: v })} placeholder="localhost, .internal" />
          </div>
        ) : <p className="muted small">No proxy.</p>}
      </FieldGroup>
      <FieldGroup title="TLS" aside={<label className="check-row"><input type="checkbox" aria-label="Verify TLS certificates" checked={form.tlsVerify} onChange={(e) => set({ tlsVerify: e.target.checked })} /> verify certificates</label>}>
        <div className="field-row">
          <TextField label="Custom CA (PEM or path)" mono value={form.ca} onChange={(v) => set({ ca: v })} />
          <TextField label="SNI / host override" mono value={form.servername} onChange={(v) => set({ servername: v })} />
        </div>
        <div className="field-row">
          <TextField label="Client certificate (mTLS)" mono value={form.cert} onChange={(v) => set({ cert: v })} placeholder="path or PEM" />
          <TextField label="Client key" mono value={form.key} onChange={(v) => set({ key: v })} placeholder="path or PEM" />
        </div>
      </FieldGroup>
      <FieldGroup title="Timeouts (ms)">
        <div className="field-row">
          <TextField label="Connect" mono value={form.connectMs} onChange={(v) => set({ connectMs: v })} error={errors['timeouts.connectMs']} />
          <TextField label="First byte" mono value={form.firstByteMs} onChange={(v) => set({ firstByteMs: v })} error={errors['timeouts.firstByteMs']} />
          <TextField label="Total" mono value={form.totalMs} onChange={(v) => set({ totalMs: v })} error={errors['timeouts.totalMs']} />
        </div>
      </FieldGroup>
    </>
  );
}
