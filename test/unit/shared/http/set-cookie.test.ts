import { describe, expect, it } from 'vitest';
import { cookieExpiry, parseSetCookie, responseCookies } from '../../../../shared/http/set-cookie';

describe('parseSetCookie', () => {
  it('reads the pair and every attribute, names case-insensitive', () => {
    const c = parseSetCookie('sid=abc123; Domain=.example.com; path=/app; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure; HTTPONLY; SameSite=Lax; Priority=High');
    expect(c).toMatchObject({ name: 'sid', value: 'abc123', domain: 'example.com', path: '/app', expires: 'Wed, 21 Oct 2026 07:28:00 GMT',
      secure: true, httpOnly: true, sameSite: 'Lax', partitioned: false, other: ['Priority=High'] });
  });

  it('keeps "=" inside the value and strips quotes', () => {
    expect(parseSetCookie('t="a=b=c"; Max-Age=60')).toMatchObject({ name: 't', value: 'a=b=c', maxAge: 60 });
  });

  it('refuses an empty cookie and keeps a nameless one', () => {
    expect(parseSetCookie('; Path=/')).toBeNull();
    expect(parseSetCookie('lonely')).toMatchObject({ name: '', value: 'lonely' });
  });

  it('lists only Set-Cookie headers, in order', () => {
    const list = responseCookies([['Set-Cookie', 'a=1'], ['content-type', 'x'], ['set-cookie', 'b=2; Partitioned; Secure']]);
    expect(list.map((c) => [c.name, c.partitioned])).toEqual([['a', false], ['b', true]]);
  });
});

describe('cookieExpiry', () => {
  const at = Date.parse('2026-01-01T00:00:00Z');
  it('prefers Max-Age over Expires and marks Max-Age=0 as a deletion', () => {
    expect(cookieExpiry(parseSetCookie('a=1; Max-Age=10; Expires=Thu, 01 Jan 2030 00:00:00 GMT')!, at)).toEqual({ at: at + 10_000, session: false, deleted: false });
    expect(cookieExpiry(parseSetCookie('a=; Max-Age=0')!, at).deleted).toBe(true);
  });
  it('calls a cookie without either a session cookie', () => {
    expect(cookieExpiry(parseSetCookie('a=1')!, at)).toEqual({ at: null, session: true, deleted: false });
  });
});
