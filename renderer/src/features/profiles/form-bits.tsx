import type { ReactNode } from 'react';

/** A labelled text input with an optional problem under it. */
export function TextField({ label, value, onChange, placeholder, mono, error, hint, type = 'text' }: {
  label: string; value: string; onChange(v: string): void; placeholder?: string; mono?: boolean; error?: string; hint?: ReactNode; type?: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input className={`field-input${mono ? ' mono' : ''}${error ? ' is-invalid' : ''}`} aria-label={label} type={type} value={value}
        placeholder={placeholder} spellCheck={false} aria-invalid={!!error} onChange={(e) => onChange(e.target.value)} />
      {error && <span className="field-error">{error}</span>}
      {!error && hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}

export function SelectField<T extends string>({ label, value, options, onChange }: {
  label: string; value: T; options: Array<[T, string]>; onChange(v: T): void;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select className="field-input" aria-label={label} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </label>
  );
}

/** A titled group of fields in an editor. */
export function FieldGroup({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <fieldset className="field-group">
      <legend>{title}{aside && <span className="field-group-aside">{aside}</span>}</legend>
      {children}
    </fieldset>
  );
}
