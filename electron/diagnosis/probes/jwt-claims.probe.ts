// The claims of a bearer JWT the request carries, read without a request: expiry (exp), not-before
// (nbf), audience (aud) and scopes (scope/scp) against what the refusal asks for — RFC 6750's
// `WWW-Authenticate: Bearer error="insufficient_scope", scope="…"`, or a body's required scope. The
// signature is never checked (the server does that); a claim that cannot be right explains the
// refusal and says whom to ask. Another key profile whose token carries the missing scope is named
// (and tried first by the other-keys probe).
import { decodeJwt, missingScopes, type JwtInfo } from '../../../shared/profiles';
import { headerValue, recordBodyText, type ResponseRecord } from '../../../shared/model';
import type { PreparedRequest } from '../../pipeline/prepared';
import type { Finding, ProbeContext, ProbeFamily } from '../types';

const JWT = /\b(eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)/;

/** The JWT a request carries (a bearer token, or any header whose value is one), with the header it is in. */
export function jwtOf(p: Pick<PreparedRequest, 'headers'>, sent?: ResponseRecord): { token: string; header: string } | null {
  // A token fetched at send time (OAuth client credentials) is only in what went on the wire.
  const rows = [...p.headers, ...(sent?.wire.headers ?? [])];
  const auth = rows.find((h) => h.name.toLowerCase() === 'authorization' && JWT.test(h.value));
  const any = auth ?? rows.find((h) => JWT.test(h.value));
  return any ? { token: JWT.exec(any.value)![1]!, header: any.name } : null;
}

/** An auth-param of a WWW-Authenticate challenge (`error`, `scope`, `error_description`). */
function param(challenge: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|[\\s,])${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^\\s,]+))`, 'i').exec(challenge);
  return m ? (m[1] ?? m[2]) : undefined;
}

export interface BearerError {
  error?: string;
  description?: string;
  scopes: string[];
  /** any one of `scopes` would do (else all are needed, as RFC 6750's scope list) */
  anyOf?: boolean;
}

/** What the refusal says about the token: RFC 6750's challenge, else a JSON body's error and required scope. */
export function bearerError(r: ResponseRecord): BearerError {
  const www = headerValue(r.headers, 'www-authenticate') ?? '';
  const out: BearerError = { scopes: [] };
  if (/^\s*bearer\b/i.test(www) || /\berror\s*=/.test(www)) {
    const error = param(www, 'error');
    const description = param(www, 'error_description');
    const scope = param(www, 'scope');
    if (error) out.error = error;
    if (description) out.description = description;
    if (scope) out.scopes = scope.split(/\s+/).filter(Boolean);
  }
  if (!out.scopes.length || !out.error) {
    const body = recordBodyText(r);
    let json: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
    } catch {
      // Not JSON: only the words below can name a scope.
    }
    const req = json.required_scope ?? json.required_scopes ?? json.requiredScope ?? json.requiredScopes;
    if (!out.scopes.length && typeof req === 'string') out.scopes = req.split(/[\s,]+/).filter(Boolean);
    if (!out.scopes.length && Array.isArray(req)) out.scopes = req.filter((x): x is string => typeof x === 'string');
    if (!out.error && typeof json.error === 'string') out.error = json.error;
    if (!out.description && typeof json.error_description === 'string') out.description = json.error_description;
    // Auth0 and others: "Insufficient scope, expected any of: read:users,update:users".
    const words = /expected any of:\s*([\w:./-]+(?:\s*,\s*[\w:./-]+)*)/i.exec(body);
    if (!out.scopes.length && words) [out.scopes, out.anyOf] = [words[1]!.split(/\s*,\s*/), true];
  }
  return out;
}

const when = (sec: number): string => new Date(sec * 1000).toISOString().replace('.000Z', 'Z');

function ago(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

function issuer(info: JwtInfo): string {
  return info.iss ? `the issuer (${info.iss})` : 'whoever issues your tokens';
}

/** Other key profiles whose current token carries every one of `scopes` (names only; nothing is sent). */
export async function keysWithScopes(ctx: Pick<ProbeContext, 'otherKeys' | 'prepareWith' | 'now'>, scopes: readonly string[]): Promise<string[]> {
  if (!scopes.length) return [];
  const out: string[] = [];
  for (const name of ctx.otherKeys) {
    // A key that cannot be prepared for this request (unbound host, missing secret) has no token to read here.
    const prepared = await ctx.prepareWith({ key: name }).catch(() => null);
    const jwt = prepared ? jwtOf(prepared) : null;
    const info = jwt ? decodeJwt(jwt.token, { now: ctx.now() }) : null;
    if (info?.ok && missingScopes(scopes, info.value).length === 0 && info.value.status !== 'expired') out.push(name);
  }
  return out;
}

export const jwtClaimsProbe: ProbeFamily = {
  id: 'jwt-claims',
  // Nothing to send: the claims are read, and a key whose token has the scope is tried by other-keys.
  priority: () => 0,
  variants: () => [],
  findings: async (ctx) => {
    const jwt = jwtOf(ctx.baseline, ctx.response);
    if (!jwt) return [];
    const decoded = decodeJwt(jwt.token, { now: ctx.now() });
    const base = { family: 'jwt-claims', step: 'auth' as const };
    if (!decoded.ok) return [{ ...base, id: 'jwt-claims:unreadable', state: 'unknown', text: `The token in ${jwt.header} looks like a JWT but cannot be read: ${decoded.error}` }];
    const info = decoded.value;
    const said = bearerError(ctx.response);
    const out: Finding[] = [];
    // Judged by the server's clock when it is known: a token "valid here" may be expired there.
    // A Date header is whole seconds: below 2 s the difference is its rounding, not a clock.
    const measured = ctx.skewMs() ?? 0;
    const skew = Math.abs(measured) >= 2_000 ? measured : 0;
    const serverNow = (ctx.now() + skew) / 1000;
    const clockNote = Math.abs(skew) >= 30_000 ? ` by the server's clock (this machine's is ${ago(skew / 1000)} ${skew > 0 ? 'behind' : 'ahead'})` : '';
    if (info.exp !== undefined && serverNow >= info.exp) {
      out.push({ ...base, id: 'jwt-claims:exp', state: 'fail', cause: 'invalid-credentials',
        text: `The token in ${jwt.header} expired at ${when(info.exp)}, ${ago(serverNow - info.exp)} ago${clockNote} (claim exp)`,
        ask: `Get a fresh token from ${issuer(info)}: the one sent expired ${ago(serverNow - info.exp)} ago.` });
    } else if (info.exp !== undefined) {
      out.push({ ...base, id: 'jwt-claims:exp', state: 'pass', text: `The token is not expired: valid until ${when(info.exp)} (in ${ago(info.exp - serverNow)})` });
    }
    if (info.nbf !== undefined && serverNow < info.nbf) {
      out.push({ ...base, id: 'jwt-claims:nbf', state: 'fail', cause: 'invalid-credentials',
        text: `The token is not valid before ${when(info.nbf)}, ${ago(info.nbf - serverNow)} from now${clockNote} (claim nbf)`,
        ask: `Wait until ${when(info.nbf)} or ask ${issuer(info)} why its tokens start in the future (its clock may be ahead).` });
    }
    if (said.scopes.length) {
      const missing = said.anyOf ? (said.scopes.some((s) => info.scopes.includes(s)) ? [] : said.scopes) : missingScopes(said.scopes, info);
      const has = info.scopes.length ? info.scopes.join(' ') : 'no scope claim';
      if (missing.length) {
        const others = await keysWithScopes(ctx, said.anyOf ? missing.slice(0, 1) : missing);
        const alt = others.length ? ` Key profile${others.length > 1 ? 's' : ''} ${others.map((n) => `"${n}"`).join(', ')} carr${others.length > 1 ? 'y' : 'ies'} it.` : '';
        out.push({ ...base, id: 'jwt-claims:scope', state: 'fail', cause: 'insufficient-permissions',
          text: `The API asks for scope ${missing.join(' ')}; the token carries ${has}.${alt}`.replace(/\.$/, ''),
          ask: `Ask ${issuer(info)} (or the key's owner) for a token with scope ${missing.join(' ')}: the one sent carries ${has}.${alt || ' Or use a key profile whose token has it.'}` });
      } else {
        out.push({ ...base, id: 'jwt-claims:scope', state: 'pass',
          text: `The token carries the scope the API asks for (${said.scopes.join(' ')}): the refusal is not about scope (audience, the user's role, or a policy)` });
      }
    } else if (ctx.baseline.key && ctx.baseline.key.profile.scopes.length) {
      const missing = missingScopes(ctx.baseline.key.profile.scopes, info);
      if (missing.length) {
        out.push({ ...base, id: 'jwt-claims:expected-scopes', state: 'unknown',
          text: `Key profile "${ctx.baseline.key.name}" expects scopes ${ctx.baseline.key.profile.scopes.join(' ')}; its token lacks ${missing.join(' ')}` });
      }
    }
    if (info.aud.length) {
      const host = new URL(ctx.baseline.url).host.toLowerCase();
      const named = info.aud.some((a) => a.toLowerCase().includes(host) || a.toLowerCase().includes(new URL(ctx.baseline.url).hostname.toLowerCase()));
      const audienceError = /audience|\baud\b/i.test(`${said.description ?? ''} ${said.error ?? ''}`);
      if (audienceError && !named) {
        out.push({ ...base, id: 'jwt-claims:aud', state: 'fail', cause: 'invalid-credentials',
          text: `The API refuses the token's audience: it is issued for ${info.aud.join(', ')} (claim aud), not for ${host}`,
          ask: `Ask ${issuer(info)} for a token whose audience is this API (the one sent is for ${info.aud.join(', ')}).` });
      } else if (audienceError || named) {
        out.push({ ...base, id: 'jwt-claims:aud', state: named ? 'pass' : 'unknown', text: `The token's audience is ${info.aud.join(', ')}${named ? `: it names ${host}` : ''}` });
      }
    }
    if (said.error === 'invalid_token' && !out.some((f) => f.state === 'fail')) {
      out.push({ ...base, id: 'jwt-claims:invalid', state: 'unknown',
        text: `The API says the token is invalid${said.description ? ` ("${said.description}")` : ''} though its claims look current: a signature from another issuer or key, or a revoked token` });
    }
    return out;
  },
};
