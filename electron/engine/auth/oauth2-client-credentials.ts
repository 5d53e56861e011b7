// OAuth 2 client credentials (RFC 6749 §4.4): the token is fetched through the engine's own send,
// cached until shortly before it expires, and fetched again after that or after a 401.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { authHeader, type ApplyKey, type AuthEnv } from './types';
import { secretOf } from './secrets';
import { SendFailure } from '../send-failure';
import type { KeyProfileOf, ResponseRecord } from '../../../shared/model';

type Profile = KeyProfileOf<'oauth2-client-credentials'>;

/** The token endpoint refused or answered something that is not a token; its body travels with the error. */
export class OAuth2TokenError extends SendFailure {
  constructor(readonly tokenUrl: string, readonly status: number | null, readonly body: string, readonly error?: string, readonly errorDescription?: string) {
    const what = error ? `${error}${errorDescription ? `: ${errorDescription}` : ''}` : status !== null ? `HTTP ${status}` : 'no access_token';
    super('oauth2-token', `Token endpoint ${tokenUrl} refused the client credentials grant (${what})${body ? `; body: ${body.slice(0, 500)}` : ''}`);
    this.name = 'OAuth2TokenError';
  }
}

interface CachedToken { accessToken: string; tokenType: string; expiresAt: number | null }
const cache = new Map<string, CachedToken>();
let fetches = 0;

/** Forgets every cached token (tests, sign-out). */
export function clearTokenCache(): void {
  cache.clear();
}

/** Token endpoint calls made by this process (tests and diagnostics). */
export function tokenFetchCount(): number {
  return fetches;
}

function cacheKey(p: Profile, secret: string): string {
  const h = createHash('sha256').update(secret).digest('hex').slice(0, 16);
  return JSON.stringify([p.tokenUrl, p.clientId, [...p.scope].sort(), p.audience ?? null, h]);
}

function bodyText(res: ResponseRecord): string {
  const b = res.body;
  if (b.kind === 'inline') return b.encoding === 'utf8' ? b.data : Buffer.from(b.data, 'base64').toString('utf8');
  try {
    return readFileSync(b.path, 'utf8').slice(0, 64 * 1024);
  } catch {
    return b.preview;
  }
}

async function fetchToken(p: Profile, secret: string, env: AuthEnv): Promise<CachedToken> {
  const fields = [{ name: 'grant_type', value: 'client_credentials' }];
  if (p.scope.length > 0) fields.push({ name: 'scope', value: p.scope.join(' ') });
  if (p.audience !== undefined) fields.push({ name: 'audience', value: p.audience });
  for (const [name, value] of Object.entries(p.extraParams)) fields.push({ name, value });
  const headers = [{ name: 'Accept', value: 'application/json' }];
  if (p.clientAuth === 'body') {
    fields.push({ name: 'client_id', value: p.clientId }, { name: 'client_secret', value: secret });
  } else {
    // RFC 6749 §2.3.1: form-urlencode id and secret before Basic.
    const enc = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+');
    headers.push({ name: 'Authorization', value: `Basic ${Buffer.from(`${enc(p.clientId)}:${enc(secret)}`).toString('base64')}` });
  }
  fetches++;
  const started = env.now();
  const res = await env.send({ method: 'POST', url: p.tokenUrl, headers, body: { kind: 'form', fields } }, env.options, { signal: env.ctx.signal, bodyDir: env.ctx.bodyDir });
  const text = bodyText(res);
  let json: Record<string, unknown> | undefined;
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) json = v as Record<string, unknown>;
  } catch { /* not JSON: reported below */ }
  const str = (k: string): string | undefined => (typeof json?.[k] === 'string' ? (json[k] as string) : undefined);
  if (res.status < 200 || res.status >= 300 || !str('access_token')) {
    throw new OAuth2TokenError(p.tokenUrl, res.status, text, str('error'), str('error_description'));
  }
  const expiresIn = Number(json?.expires_in);
  return {
    accessToken: str('access_token')!,
    tokenType: str('token_type') ?? 'Bearer',
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? started + expiresIn * 1000 : null,
  };
}

/** Refresh a little early: 30 s, or a tenth of a short lifetime. */
function fresh(t: CachedToken, now: number): boolean {
  if (t.expiresAt === null) return true;
  return now < t.expiresAt - Math.min(30_000, (t.expiresAt - now) / 10 + 100);
}

async function token(p: Profile, secret: string, env: AuthEnv, force: boolean): Promise<CachedToken> {
  const key = cacheKey(p, secret);
  const hit = cache.get(key);
  if (hit && !force && fresh(hit, env.now())) return hit;
  const t = await fetchToken(p, secret, env);
  cache.set(key, t);
  return t;
}

function bearer(t: CachedToken): string {
  // Servers answer "bearer" in any case; send the canonical scheme name.
  return `${t.tokenType.toLowerCase() === 'bearer' ? 'Bearer' : t.tokenType} ${t.accessToken}`;
}

export const applyOAuth2ClientCredentials: ApplyKey<Profile> = async (profile, secrets, env) => {
  const secret = secretOf(secrets, 'clientSecret', profile.name);
  const t = await token(profile, secret, env, false);
  return {
    headers: [authHeader('Authorization', bearer(t))],
    query: [],
    // A 401 with a cached token: the server may have revoked it early; fetch once more.
    retryOn401: async () => {
      const again = await token(profile, secret, env, true);
      return again.accessToken === t.accessToken ? null : [authHeader('Authorization', bearer(again))];
    },
  };
};
