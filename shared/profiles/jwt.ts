// JWT decoding for display and diagnosis: claims only, the signature is never verified.
import { base64UrlBytes, utf8Text } from './base64url';

export type JwtStatus = 'valid' | 'expired' | 'not-yet-valid' | 'no-expiry';

export interface JwtInfo {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  iss?: string;
  sub?: string;
  /** `aud` as a list (a single string becomes one entry) */
  aud: string[];
  /** `scope` (space-separated) or `scp` (string or list) as a list */
  scopes: string[];
  /** seconds since the epoch */
  exp?: number;
  nbf?: number;
  iat?: number;
  status: JwtStatus;
  /** exp - now, in seconds (negative once expired) */
  expiresInSeconds?: number;
}

export type JwtDecodeResult = { ok: true; value: JwtInfo } | { ok: false; error: string };

export interface JwtDecodeOptions {
  /** ms since the epoch (default Date.now()) */
  now?: number;
  /** tolerated clock skew for exp/nbf, seconds (default 0) */
  leewaySeconds?: number;
}

function decodePart(part: string, what: string): Record<string, unknown> | string {
  const bytes = base64UrlBytes(part);
  if (!bytes) return `the ${what} is not base64url`;
  const text = utf8Text(bytes);
  if (text === null) return `the ${what} is not UTF-8`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `the ${what} is not JSON`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `the ${what} is not a JSON object`;
  return value as Record<string, unknown>;
}

function numeric(claims: Record<string, unknown>, name: string): number | undefined | string {
  const v = claims[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) return `claim ${name} is not a number of seconds`;
  return v;
}

function text(claims: Record<string, unknown>, name: string): string | undefined {
  const v = claims[name];
  return typeof v === 'string' ? v : undefined;
}

function list(v: unknown, split: boolean): string[] {
  if (typeof v === 'string') return split ? v.split(/\s+/).filter(Boolean) : [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Decodes `header.payload.signature` (a leading `Bearer ` is ignored); never verifies the signature. */
export function decodeJwt(token: string, options: JwtDecodeOptions = {}): JwtDecodeResult {
  const raw = token.trim().replace(/^bearer\s+/i, '');
  const parts = raw.split('.');
  if (parts.length === 5) return { ok: false, error: 'This is an encrypted JWT (JWE): its claims cannot be read without the key' };
  if (parts.length !== 3) return { ok: false, error: `A JWT has 3 dot-separated parts; this has ${parts.length}` };
  const header = decodePart(parts[0]!, 'header');
  if (typeof header === 'string') return { ok: false, error: `Not a JWT: ${header}` };
  const claims = decodePart(parts[1]!, 'payload');
  if (typeof claims === 'string') return { ok: false, error: `Not a JWT: ${claims}` };
  const exp = numeric(claims, 'exp');
  const nbf = numeric(claims, 'nbf');
  const iat = numeric(claims, 'iat');
  for (const v of [exp, nbf, iat]) if (typeof v === 'string') return { ok: false, error: `Malformed JWT: ${v}` };
  const now = (options.now ?? Date.now()) / 1000;
  const leeway = options.leewaySeconds ?? 0;
  let status: JwtStatus = exp === undefined ? 'no-expiry' : 'valid';
  if (typeof nbf === 'number' && now + leeway < nbf) status = 'not-yet-valid';
  if (typeof exp === 'number' && now - leeway >= exp) status = 'expired';
  const info: JwtInfo = {
    header, claims,
    aud: list(claims.aud, false),
    scopes: claims.scope !== undefined ? list(claims.scope, true) : list(claims.scp, true),
    status,
  };
  const iss = text(claims, 'iss');
  if (iss !== undefined) info.iss = iss;
  const sub = text(claims, 'sub');
  if (sub !== undefined) info.sub = sub;
  if (typeof exp === 'number') {
    info.exp = exp;
    info.expiresInSeconds = Math.round(exp - now);
  }
  if (typeof nbf === 'number') info.nbf = nbf;
  if (typeof iat === 'number') info.iat = iat;
  return { ok: true, value: info };
}

/** Expected scopes the token does not carry. */
export function missingScopes(expected: readonly string[], info: Pick<JwtInfo, 'scopes'>): string[] {
  const have = new Set(info.scopes);
  return expected.filter((s) => !have.has(s));
}

/** Whether the token names the expected audience; 'absent' when it carries no `aud`. */
export function audienceCheck(expected: string, info: Pick<JwtInfo, 'aud'>): 'match' | 'mismatch' | 'absent' {
  if (info.aud.length === 0) return 'absent';
  return info.aud.includes(expected) ? 'match' : 'mismatch';
}
