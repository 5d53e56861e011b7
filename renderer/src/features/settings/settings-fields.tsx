import { useState, type ReactNode } from 'react';
import { useSettingsStore, type SettingsField } from './settings.store';

/** One labelled row: what the setting does on the left, its control on the right, its error under it. */
export function SettingRow({ field, label, hint, children }: { field: SettingsField; label: string; hint: ReactNode; children: ReactNode }) {
  const error = useSettingsStore((s) => s.errors[field]);
  const saved = useSettingsStore((s) => s.saved === field);
  return (
    <div className="settings-row">
      <div className="settings-row-text">
        <span className="settings-row-label" id={`setting-${field}`}>{label}</span>
        <span className="settings-row-hint">{hint}</span>
        {error && <span className="form-error settings-error" role="alert">{error}</span>}
      </div>
      <div className="settings-row-control">
        {children}
        <span className="settings-saved" role="status">{saved && !error ? 'Saved' : ''}</span>
      </div>
    </div>
  );
}

/** A few exclusive choices as one segmented radio group. */
export function Segmented<T extends string>({ name, label, value, choices, onChange }: {
  name: string; label: string; value: T; choices: Array<{ value: T; label: string; hint?: string }>; onChange(v: T): void;
}) {
  return (
    <div className="segmented-radio" role="radiogroup" aria-label={label}>
      {choices.map((c) => (
        <label key={c.value} className={`segmented-option${value === c.value ? ' is-checked' : ''}`} title={c.hint}>
          <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} />
          {c.label}
        </label>
      ))}
    </div>
  );
}

/**
 * A text setting saved on Enter or when the field is left (as in an editor's preferences), not on
 * every key; Escape puts back the saved value.
 */
export function TextSetting({ label, value, placeholder, type = 'text', mono, onCommit }: {
  label: string; value: string; placeholder?: string; type?: 'text' | 'number'; mono?: boolean; onCommit(v: string): void;
}) {
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState(value);
  // A new saved value (from the backend) replaces what the field shows.
  if (value !== base) {
    setBase(value);
    setDraft(value);
  }
  const commit = () => { if (draft.trim() !== value) onCommit(draft.trim()); };
  return (
    <input className={`field-input settings-input${mono ? ' mono' : ''}`} aria-label={label} type={type} value={draft} placeholder={placeholder}
      spellCheck={false} onChange={(e) => setDraft(e.target.value)} onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') { e.preventDefault(); commit(); }
        if (e.key === 'Escape' && draft !== value) { e.stopPropagation(); setDraft(value); }
      }} />
  );
}
