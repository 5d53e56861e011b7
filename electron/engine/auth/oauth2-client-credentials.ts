// OAuth 2 client credentials (RFC 6749 §4.4): the token is fetched through the engine's own send,
// cached until shortly before it expires, and fetched again after that or after a 401.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { authHeader, type ApplyKey, type AuthEnv } from './types';
import { secretOf } from './secrets';
import { SendFailure } from '../send-failure';
import { maskHeaderValue } from '../../secrets/redact';
import type { KeyProfileOf, ResponseRecord, TimelineEvent } from '../../../shared/model';
import { encodeComponent } from '../../../shared/util/well-formed';

type Profile = KeyProfileOf<'oauth2-client-credentials'>;

/** The token endpoint refused or answered something that is not a token; its body travels with the error. */
export class OAuth2TokenError extends SendFailure {
  constructor(readonly tokenUrl: string, readonly status: number | null, readonly body: string, readonly error?: string, readonly errorDescription?: string) {
    const what = error ? `${error}${errorDescription ? `: ${errorDescription}` : ''}` : status !== null ? `HTTP ${status}` : 'no access_token';
    super('oauth2-token', `Token endpoint ${tokenUrl} refused the client credentials grant (${what})${body ? `; body: ${body.slice(0, 500)}` : ''}`);
    this.name = 'OAuth2TokenError';
  }
}

interface CachedToken {
  accessToken: string;
  tokenType: string;
  expiresAt: number | null;
  /** the token endpoint's status */
  status: number;
  /** the response's `scope` (RFC 6749 §5.1); null when it did not say (then: as asked) */
  granted: string[] | null;
}

/** What the final timeline says about the token: parsed back by the diagnosis (readTokenNote). */
export interface TokenNote {
  tokenUrl: string;
  /** the token endpoint's status; `cached` when no call was made for this send */
  status: number | 'cached';
  granted: string[] | null;
  asked: string[];
}

const list = (scopes: readonly string[]): string => (scopes.length ? scopes.join(' ') : 'none');

/** `OAuth2 token from <tokenUrl>: <status>, scope granted: X (asked: Y)` */
export function tokenNoteText(n: TokenNote): string {
  return `OAuth2 token from ${n.tokenUrl}: ${n.status}, scope granted: ${n.granted ? list(n.granted) : 'not stated, so as asked'} (asked: ${list(n.asked)})`;
}

const NOTE = /^OAuth2 token from (\S+): (\d+|cached), scope granted: (.*) \(asked: (.*)\)$/;

/** The token note of a timeline (the last one: a 401 may have fetched a second token). */
export function readTokenNote(timeline: readonly TimelineEvent[]): TokenNote | null {
  const scopes = (s: string): string[] => (s === 'none' ? [] : s.split(' ').filter(Boolean));
  for (const e of [...timeline].reverse()) {
    const m = e.type === 'info' ? NOTE.exec(e.message) : null;
    if (!m) continue;
    return { tokenUrl: m[1]!, status: m[2] === 'cached' ? 'cached' : Number(m[2]), granted: m[3] === 'not stated, so as asked' ? null : scopes(m[3]!), asked: scopes(m[4]!) };
  }
  return null;
}

/** Requested scopes the token endpoint did not grant, and granted ones nobody asked for. */
export function scopeDifference(n: Pick<TokenNote, 'granted' | 'asked'>): { missing: string[]; extra: string[] } {
  if (!n.granted) return { missing: [], extra: [] };
  return { missing: n.asked.filter((s) => !n.granted!.includes(s)), extra: n.granted.filter((s) => !n.asked.includes(s)) };
}

/** A token request's event as the send's timeline carries it: marked, its credentials masked. */
function marked(e: TimelineEvent, secret: string): TimelineEvent {
  const out: TimelineEvent = { ...e, part: 'oauth2-token' };
  if (out.type === 'header.out' || out.type === 'header.in') {
    const masked = maskHeaderValue(out.name, out.value);
    out.value = secret.length >= 4 ? masked.split(secret).join('•••') : masked;
  }
  return out;
}
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
  if (b.kind === 'preview') return b.preview;
  try {
    return readFileSync(b.path, 'utf8').slice(0, 64 * 1024);
  } catch {
    return b.preview;
  }
}

async function fetchToken(p: Profile, secret: string, env: AuthEnv, events: TimelineEvent[]): Promise<CachedToken> {
  const fields = [{ name: 'grant_type', value: 'client_credentials' }];
  if (p.scope.length > 0) fields.push({ name: 'scope', value: p.scope.join(' ') });
  if (p.audience !== undefined) fields.push({ name: 'audience', value: p.audience });
  for (const [name, value] of Object.entries(p.extraParams)) fields.push({ name, value });
  const headers = [{ name: 'Accept', value: 'application/json' }];
  if (p.clientAuth === 'body') {
    fields.push({ name: 'client_id', value: p.clientId }, { name: 'client_secret', value: secret });
  } else {
    // RFC 6749 §2.3.1: form-urlencode id and secret before Basic.
    const enc = (s: string): string => encodeComponent(s).replace(/%20/g, '+');
    headers.push({ name: 'Authorization', value: `Basic ${Buffer.from(`${enc(p.clientId)}:${enc(secret)}`).toString('base64')}` });
  }
  fetches++;
  const started = env.now();
  // The token request's events stream live and go into the send's own timeline, marked and masked.
  const onEvent = (e: TimelineEvent): void => env.ctx.onEvent?.(marked(e, secret));
  const res = await env.send({ method: 'POST', url: p.tokenUrl, headers, body: { kind: 'form', fields } }, env.options,
    { signal: env.ctx.signal, bodyDir: env.ctx.bodyDir, onEvent });
  events.push(...res.timeline.map((e) => marked(e, secret)));
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
    status: res.status,
    granted: str('scope') !== undefined ? str('scope')!.split(/\s+/).filter(Boolean) : null,
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

/** The token for this send, and what the timeline says about it (the exchange's events, the note on scopes). */
async function token(p: Profile, secret: string, env: AuthEnv, force: boolean, events: TimelineEvent[]): Promise<CachedToken> {
  const key = cacheKey(p, secret);
  const hit = cache.get(key);
  const reuse = hit && !force && fresh(hit, env.now());
  const t = reuse ? hit : await fetchToken(p, secret, env, events);
  if (!reuse) cache.set(key, t);
  const note = { tokenUrl: p.tokenUrl, status: reuse ? 'cached' as const : t.status, granted: t.granted, asked: p.scope };
  const info = (message: string): void => {
    const e: TimelineEvent = { type: 'info', t: 0, message, part: 'oauth2-token' };
    events.push(e);
    env.ctx.onEvent?.(e);
  };
  info(tokenNoteText(note));
  const { missing, extra } = scopeDifference(note);
  if (missing.length || extra.length) {
    info(`OAuth2 token from ${p.tokenUrl}: the authorization server ${missing.length ? `did not grant ${missing.join(' ')}` : ''}${missing.length && extra.length ? ' and ' : ''}${extra.length ? `granted ${extra.join(' ')} not asked for` : ''} (client ${p.clientId})`);
  }
  return t;
}

function bearer(t: CachedToken): string {
  // Servers answer "bearer" in any case; send the canonical scheme name.
  return `${t.tokenType.toLowerCase() === 'bearer' ? 'Bearer' : t.tokenType} ${t.accessToken}`;
}

export const applyOAuth2ClientCredentials: ApplyKey<Profile> = async (profile, secrets, env) => {
  const secret = secretOf(secrets, 'clientSecret', profile.name);
  const timeline: TimelineEvent[] = [];
  const t = await token(profile, secret, env, false, timeline);
  return {
    headers: [authHeader('Authorization', bearer(t))],
    query: [],
    timeline,
    // A 401 with a cached token: the server may have revoked it early; fetch once more.
    retryOn401: async () => {
      const again = await token(profile, secret, env, true, timeline);
      return again.accessToken === t.accessToken ? null : [authHeader('Authorization', bearer(again))];
    },
  };
};
