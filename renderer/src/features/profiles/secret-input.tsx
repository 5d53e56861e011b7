import { useState } from 'react';
import type { KeyEntry, SecretWhere } from './profiles.store';

type SecretState = KeyEntry['secrets'][number];

/** Where a stored secret comes from, in words: never the value. */
export function SecretStatus({ state }: { state: SecretState | undefined }) {
  if (!state) return <span className="secret-chip secret-new">not saved yet</span>;
  if (state.source === 'env') return <span className="secret-chip secret-env">from env <code>{state.env}</code></span>;
  if (state.source === 'keychain') return <span className="secret-chip secret-keychain">stored in keychain</span>;
  if (state.source === 'local-store') {
    return <span className="secret-chip secret-keychain secret-local" title="No OS keychain was reachable: the value is in the local store, a file under the data folder readable by you alone">in local store</span>;
  }
  return <span className="secret-chip secret-missing" title={state.reason}>missing{state.env ? ` (env ${state.env} unset)` : ''}</span>;
}

/**
 * A secret field: a password input whose value goes to the keychain on save (never shown back), or
 * to the local store where no keychain is reachable (`savedTo` then says so), and the environment
 * variable that supplies it instead (CI).
 */
export function SecretInput({ label, field, state, value, env, savedTo, onValue, onEnv, onClear }: {
  label: string; field: string; state: SecretState | undefined; value: string; env: string;
  /** where the last save put the value typed here */
  savedTo?: SecretWhere | undefined;
  onValue(v: string): void; onEnv(v: string): void; onClear?(): void;
}) {
  const [reveal, setReveal] = useState(false);
  const stored = state?.source === 'keychain' || state?.source === 'local-store' || state?.source === 'env';
  return (
    <div className="secret-input" data-field={field}>
      <div className="secret-head">
        <span className="field-label">{label}</span>
        <SecretStatus state={state} />
        {(state?.source === 'keychain' || state?.source === 'local-store') && onClear && (
          <button type="button" className="link-btn" onClick={onClear}>Forget</button>
        )}
      </div>
      {savedTo === 'local-store' && <p className="secret-saved-note" role="status">saved to the local store (no keychain here)</p>}
      <div className="secret-row">
        <input className="field-input mono" type={reveal ? 'text' : 'password'} aria-label={`${label} value`} autoComplete="off"
          spellCheck={false} value={value} onChange={(e) => onValue(e.target.value)}
          placeholder={stored ? 'stored — type to replace it' : 'saved to the OS keychain (else the local store), never to the file'} />
        <button type="button" className="btn btn-ghost btn-sm" aria-pressed={reveal} disabled={!value}
          title="Show what you typed (stored values are never shown)" onClick={() => setReveal(!reveal)}>{reveal ? 'Hide' : 'Show'}</button>
      </div>
      <label className="secret-env-row">
        <span>or from env var</span>
        <input className="field-input mono" aria-label={`${label} environment variable`} value={env} placeholder="e.g. TEAM_API_KEY"
          onChange={(e) => onEnv(e.target.value)} spellCheck={false} />
      </label>
    </div>
  );
}
