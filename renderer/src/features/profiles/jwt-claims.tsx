import { decodeJwt, missingScopes } from '../../../../shared/profiles';
import type { KeyEntry } from './profiles.store';

type Jwt = NonNullable<KeyEntry['jwt']>;

const when = (s?: number) => (s === undefined ? '—' : new Date(s * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'));

function inWords(sec: number): string {
  const a = Math.abs(sec);
  const t = a < 120 ? `${a} s` : a < 7200 ? `${Math.round(a / 60)} min` : a < 172800 ? `${Math.round(a / 3600)} h` : `${Math.round(a / 86400)} days`;
  return sec >= 0 ? `in ${t}` : `${t} ago`;
}

/** Claims of a token just typed (not stored yet), decoded locally; the same shape the backend gives for stored ones. */
export function localJwt(token: string, expected: string[]): Jwt | undefined {
  if (!token.trim()) return undefined;
  const r = decodeJwt(token);
  if (!r.ok) return { ok: false, error: r.error };
  const v = r.value;
  const missing = missingScopes(expected, v);
  return { ok: true, iss: v.iss, sub: v.sub, aud: v.aud, scopes: v.scopes, exp: v.exp, nbf: v.nbf, status: v.status,
    expired: v.status === 'expired', expiresInSeconds: v.expiresInSeconds, ...(missing.length ? { missingScopes: missing } : {}) };
}

/** A bearer token's decoded claims (never verified): expiry, audience, scopes and the expected scopes it lacks. */
export function JwtClaims({ jwt, typed }: { jwt: Jwt; typed: boolean }) {
  if (!jwt.ok) return <div className="jwt-card" aria-label="Token claims"><span className="muted">Not a readable JWT: {jwt.error}</span></div>;
  const badge = jwt.status === 'expired' ? <span className="chip chip-bad">expired</span>
    : jwt.status === 'not-yet-valid' ? <span className="chip chip-warn">not yet valid</span>
    : jwt.status === 'no-expiry' ? <span className="chip">no expiry</span> : <span className="chip chip-ok">valid</span>;
  return (
    <div className="jwt-card" aria-label="Token claims">
      <div className="jwt-head">
        <strong>JWT claims</strong> {badge}
        <span className="muted">{typed ? 'of the token you typed' : 'of the stored token'} · decoded, not verified</span>
      </div>
      <dl className="jwt-grid">
        <dt>exp</dt><dd className="mono">{when(jwt.exp)}{jwt.expiresInSeconds !== undefined && <span className="muted"> ({inWords(jwt.expiresInSeconds)})</span>}</dd>
        <dt>nbf</dt><dd className="mono">{when(jwt.nbf)}</dd>
        <dt>iss</dt><dd className="mono">{jwt.iss ?? '—'}</dd>
        <dt>aud</dt><dd className="mono">{jwt.aud?.length ? jwt.aud.join(', ') : '—'}</dd>
        <dt>scope</dt><dd className="mono">{jwt.scopes?.length ? jwt.scopes.join(' ') : '—'}</dd>
      </dl>
      {jwt.missingScopes && jwt.missingScopes.length > 0 && (
        <p className="jwt-missing" role="status">Missing expected scopes: {jwt.missingScopes.map((s) => <code key={s}>{s}</code>)}</p>
      )}
    </div>
  );
}
