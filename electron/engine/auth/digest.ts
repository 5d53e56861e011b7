// HTTP Digest (RFC 7616): the first request goes out bare; a 401 challenge is answered once.
import { createHash, randomBytes } from 'node:crypto';
import { authHeader, type ApplyKey } from './types';
import { secretOf } from './secrets';
import type { KeyProfileOf } from '../../../shared/model';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  /** MD5, MD5-sess, SHA-256, SHA-256-sess */
  algorithm: string;
  /** qop options offered (auth, auth-int) */
  qop: string[];
  userhash: boolean;
}

/** The Digest challenge among WWW-Authenticate values, or null. */
export function parseDigestChallenge(values: readonly string[]): DigestChallenge | null {
  for (const v of values) {
    const at = v.search(/(^|[\s,])Digest\s/i);
    if (at < 0) continue;
    const rest = v.slice(at).replace(/^[\s,]*Digest\s+/i, '');
    const params = new Map<string, string>();
    for (const m of rest.matchAll(/([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
      const key = m[1]!.toLowerCase();
      if (params.has(key)) break; // the next challenge's parameters
      params.set(key, m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!);
    }
    const nonce = params.get('nonce');
    if (nonce === undefined) continue;
    return {
      realm: params.get('realm') ?? '', nonce, opaque: params.get('opaque'),
      algorithm: params.get('algorithm') ?? 'MD5',
      qop: (params.get('qop') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      userhash: params.get('userhash')?.toLowerCase() === 'true',
    };
  }
  return null;
}

const HASHES: Record<string, string> = { md5: 'md5', 'sha-256': 'sha256', 'sha-512-256': 'sha512-256' };

export interface DigestInput {
  username: string;
  password: string;
  method: string;
  /** request-target: path + query */
  uri: string;
  cnonce?: string;
  nc?: number;
}

/** The Authorization header value answering a challenge; null for an algorithm or qop it cannot do. */
export function digestAuthorization(c: DigestChallenge, input: DigestInput): string | null {
  const base = c.algorithm.toLowerCase().replace(/-sess$/, '');
  const alg = HASHES[base];
  if (!alg) return null;
  const sess = /-sess$/i.test(c.algorithm);
  const H = (s: string): string => createHash(alg).update(s, 'utf8').digest('hex');
  const qop = c.qop.length === 0 ? undefined : c.qop.includes('auth') ? 'auth' : null;
  if (qop === null) return null; // auth-int only: would need the body hash
  const cnonce = input.cnonce ?? randomBytes(16).toString('hex');
  const nc = (input.nc ?? 1).toString(16).padStart(8, '0');
  let ha1 = H(`${input.username}:${c.realm}:${input.password}`);
  if (sess) ha1 = H(`${ha1}:${c.nonce}:${cnonce}`);
  const ha2 = H(`${input.method}:${input.uri}`);
  const response = qop ? H(`${ha1}:${c.nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : H(`${ha1}:${c.nonce}:${ha2}`);
  const user = c.userhash ? H(`${input.username}:${c.realm}`) : input.username;
  const q = (s: string): string => `"${s.replace(/(["\\])/g, '\\$1')}"`;
  const parts = [`username=${q(user)}`, `realm=${q(c.realm)}`, `nonce=${q(c.nonce)}`, `uri=${q(input.uri)}`, `algorithm=${c.algorithm}`, `response=${q(response)}`];
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce=${q(cnonce)}`);
  if (c.opaque !== undefined) parts.push(`opaque=${q(c.opaque)}`);
  if (c.userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}

export const applyDigest: ApplyKey<KeyProfileOf<'digest'>> = (profile, secrets) => {
  const password = secretOf(secrets, 'password', profile.name);
  return {
    headers: [],
    query: [],
    retryOn401: async (res, req) => {
      const values = res.headers.filter(([k]) => k.toLowerCase() === 'www-authenticate').map(([, v]) => v);
      const challenge = parseDigestChallenge(values);
      if (!challenge) return null;
      const value = digestAuthorization(challenge, { username: profile.username, password, method: req.method, uri: `${req.url.pathname}${req.url.search}` });
      return value ? [authHeader('Authorization', value)] : null;
    },
  };
};
