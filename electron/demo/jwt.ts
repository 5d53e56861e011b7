// The demo's bearer tokens: HS256 JWTs signed with a secret that is published on purpose (a demo
// has nothing to protect), so the tokens are the same on every machine and can be checked offline.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const DEMO_JWT_SECRET = 'clearance-demo-secret-not-for-production';

export interface DemoClaims {
  sub: string;
  /** space-separated, as RFC 8693 and most issuers write it */
  scope: string;
  iss?: string;
  aud?: string;
  iat?: number;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

export function signDemoJwt(claims: DemoClaims, secret = DEMO_JWT_SECRET): string {
  const head = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(claims))}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

export type Verified = { ok: true; claims: Record<string, unknown> } | { ok: false; why: string };

/** Only HS256 with the demo secret: an unsigned (`alg: none`) token is refused, as it must be anywhere. */
export function verifyDemoJwt(token: string, secret = DEMO_JWT_SECRET): Verified {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, why: 'The access token is malformed' };
  const [h, p, s] = parts as [string, string, string];
  let header: { alg?: unknown };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: unknown };
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch (err) {
    return { ok: false, why: `The access token is malformed (${(err as Error).message})` };
  }
  if (header.alg !== 'HS256') return { ok: false, why: `The access token's algorithm ${String(header.alg)} is not accepted` };
  const want = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const got = Buffer.from(s, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, why: 'The access token signature is invalid' };
  return { ok: true, claims };
}

/** `scope` (space-separated) or `scp` (a list), the two ways issuers write scopes. */
export function scopesOf(claims: Record<string, unknown>): string[] {
  if (typeof claims.scope === 'string') return claims.scope.split(/\s+/).filter(Boolean);
  if (Array.isArray(claims.scp)) return claims.scp.filter((x): x is string => typeof x === 'string');
  return [];
}
