import { useState } from 'react';
import { RewriteSchema } from '../../../../shared/model';
import { rewriteUrl } from '../../../../shared/profiles';
import { FieldGroup, TextField } from './form-bits';
import type { GatewayForm } from './gateway-form';

/** Base-URL rewrite (from → to + prefix) with a live preview of a sample URL. */
export function RewriteFields({ form, set, errors }: { form: GatewayForm; set(p: Partial<GatewayForm>): void; errors: Record<string, string> }) {
  const [sample, setSample] = useState(() => `${form.from.replace(/\/+$/, '') || 'https://api.example.com'}/orders?limit=10`);
  const parsed = RewriteSchema.safeParse({ ...(form.from.trim() ? { from: form.from.trim() } : {}), to: form.to.trim(), prefix: form.prefix.trim() });
  const preview = parsed.success ? rewriteUrl(sample, parsed.data, form.name || 'gateway') : null;
  return (
    <FieldGroup title="Base-URL rewrite" aside={
      <label className="check-row"><input type="checkbox" aria-label="Rewrite the base URL" checked={form.rewriteOn} onChange={(e) => set({ rewriteOn: e.target.checked })} /> on</label>}>
      {form.rewriteOn ? (
        <>
          <div className="field-row rewrite-row">
            <TextField label="From (upstream base)" mono value={form.from} onChange={(v) => set({ from: v })} placeholder="any URL" error={errors['rewrite.from']} />
            <span className="rewrite-arrow" aria-hidden>→</span>
            <TextField label="To (gateway base)" mono value={form.to} onChange={(v) => set({ to: v })} placeholder="https://gw.example.com" error={errors['rewrite.to']} />
            <TextField label="Prefix" mono value={form.prefix} onChange={(v) => set({ prefix: v })} placeholder="/v1" error={errors['rewrite.prefix']} />
          </div>
          <div className="rewrite-preview" aria-label="Rewrite preview">
            <input className="field-input mono" aria-label="Sample URL" value={sample} onChange={(e) => setSample(e.target.value)} spellCheck={false} />
            <span className="rewrite-arrow" aria-hidden>→</span>
            <code className={`mono rewrite-out${preview?.changed ? '' : ' muted'}`} data-testid="rewrite-preview">
              {preview ? preview.url : 'fill in the gateway base'}
            </code>
            {preview && !preview.changed && <span className="field-hint">{preview.description}</span>}
          </div>
        </>
      ) : <p className="muted small">Requests go to their URL as written.</p>}
    </FieldGroup>
  );
}
