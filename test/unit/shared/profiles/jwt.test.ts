import { describe, expect, it } from 'vitest';
import { audienceCheck, decodeJwt, missingScopes } from '../../../../shared/profiles';

const b64 = (o: unknown): string => Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64url');
const jwt = (claims: unknown, header: unknown = { alg: 'HS256', typ: 'JWT' }): string => `${b64(header)}.${b64(claims)}.c2lnbmF0dXJl`;
const NOW = Date.UTC(2026, 0, 1) ;
const s = NOW / 1000;

describe('decodeJwt', () => {
  it('reads the standard claims and a valid status', () => {
    const r = decodeJwt(jwt({ iss: 'https://idp.example', sub: 'svc-1', aud: 'api://orders', scope: 'orders.read orders.write', exp: s + 600, nbf: s - 10, iat: s - 10 }), { now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ iss: 'https://idp.example', sub: 'svc-1', aud: ['api://orders'], scopes: ['orders.read', 'orders.write'], status: 'valid', expiresInSeconds: 600, exp: s + 600, nbf: s - 10 });
    expect(r.value.header.alg).toBe('HS256');
  });

  it('expired, not yet valid, no expiry, leeway', () => {
    expect(decodeJwt(jwt({ exp: s - 1 }), { now: NOW })).toMatchObject({ ok: true, value: { status: 'expired', expiresInSeconds: -1 } });
    expect(decodeJwt(jwt({ exp: s }), { now: NOW })).toMatchObject({ value: { status: 'expired' } });
    expect(decodeJwt(jwt({ nbf: s + 60, exp: s + 600 }), { now: NOW })).toMatchObject({ value: { status: 'not-yet-valid' } });
    expect(decodeJwt(jwt({ sub: 'x' }), { now: NOW })).toMatchObject({ value: { status: 'no-expiry' } });
    expect(decodeJwt(jwt({ exp: s - 5 }), { now: NOW, leewaySeconds: 30 })).toMatchObject({ value: { status: 'valid' } });
  });

  it('scp as a list or a string, aud as a list, Bearer prefix ignored', () => {
    const r = decodeJwt(`Bearer ${jwt({ scp: ['User.Read', 'Mail.Send'], aud: ['a', 'b', 3] })}`, { now: NOW });
    expect(r).toMatchObject({ ok: true, value: { scopes: ['User.Read', 'Mail.Send'], aud: ['a', 'b'] } });
    expect(decodeJwt(jwt({ scp: 'a b' }))).toMatchObject({ value: { scopes: ['a', 'b'] } });
  });

  it('UTF-8 claims and unsecured tokens (empty signature)', () => {
    const r = decodeJwt(`${b64({ alg: 'none' })}.${b64({ name: 'Zoë 日本' })}.`);
    expect(r).toMatchObject({ ok: true, value: { claims: { name: 'Zoë 日本' } } });
  });

  it('rejects malformed tokens with a reason', () => {
    expect(decodeJwt('abc')).toEqual({ ok: false, error: 'A JWT has 3 dot-separated parts; this has 1' });
    expect(decodeJwt('a.b.c.d.e')).toMatchObject({ ok: false, error: expect.stringContaining('JWE') });
    expect(decodeJwt('!!!.e30.x')).toMatchObject({ ok: false, error: 'Not a JWT: the header is not base64url' });
    expect(decodeJwt(`${b64({ alg: 'x' })}.${b64('not json')}.x`)).toMatchObject({ ok: false, error: 'Not a JWT: the payload is not JSON' });
    expect(decodeJwt(`${b64({ alg: 'x' })}.${b64([1, 2])}.x`)).toMatchObject({ ok: false, error: 'Not a JWT: the payload is not a JSON object' });
    expect(decodeJwt(`${b64({ alg: 'x' })}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.x`)).toMatchObject({ ok: false, error: 'Not a JWT: the payload is not UTF-8' });
    expect(decodeJwt(jwt({ exp: 'tomorrow' }))).toMatchObject({ ok: false, error: 'Malformed JWT: claim exp is not a number of seconds' });
  });

  it('scope and audience checks', () => {
    const r = decodeJwt(jwt({ scope: 'a b', aud: 'x' }));
    if (!r.ok) throw new Error(r.error);
    expect(missingScopes(['a', 'c'], r.value)).toEqual(['c']);
    expect(audienceCheck('x', r.value)).toBe('match');
    expect(audienceCheck('y', r.value)).toBe('mismatch');
    expect(audienceCheck('y', { aud: [] })).toBe('absent');
  });
});
