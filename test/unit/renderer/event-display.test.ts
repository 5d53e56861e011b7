import { describe, expect, it } from 'vitest';
import { eventDisplay, maskParams } from '../../../renderer/src/features/timeline/event-display';

describe('timeline event display', () => {
  it('masks a key profile header and shows others as sent', () => {
    const auth = eventDisplay({ type: 'header.out', t: 0, name: 'x-api-key', value: 'team-secret-key-1234', origin: 'auth' });
    expect(auth.summary).toBe('x-api-key: team…34 ••••');
    expect(auth.summary).not.toContain('secret-key');
    expect(auth.source).toBe('auth');
    const user = eventDisplay({ type: 'header.out', t: 0, name: 'X-Trace', value: 'abc', origin: 'user' });
    expect(user.summary).toBe('X-Trace: abc');
  });

  it('masks a header marked sensitive whatever its origin, and shows it when revealed', () => {
    const sig = { type: 'header.out', t: 0, name: 'X-Sig', value: 'env-secret-value-77', origin: 'user', sensitive: true } as const;
    expect(eventDisplay(sig).summary).toBe('X-Sig: env-…77 ••••');
    expect(eventDisplay(sig, true).summary).toBe('X-Sig: env-secret-value-77');
    const key = { type: 'header.out', t: 0, name: 'x-api-key', value: 'team-secret-key-1234', origin: 'auth' } as const;
    expect(eventDisplay(key, true).summary).toBe('x-api-key: team-secret-key-1234');
  });

  it('masks the values of the named query parameters in a URL and a request line', () => {
    expect(maskParams('GET /x?api_key=abcdefghijkl&page=2 HTTP/1.1', ['api_key'])).toBe('GET /x?api_key=abcd…kl ••••&page=2 HTTP/1.1');
    expect(maskParams('https://a.test/x?page=2&k.ey=short#f', ['k.ey'])).toBe('https://a.test/x?page=2&k.ey=••••••#f');
    expect(maskParams('https://a.test/x?kkey=abc', ['key'])).toBe('https://a.test/x?kkey=abc');
    const ev = { type: 'request.url', t: 0, method: 'GET', url: 'https://a.test/?sig=secret-value-99' } as const;
    expect(eventDisplay(ev, false, ['sig']).summary).toBe('GET https://a.test/?sig=secr…99 ••••');
    expect(eventDisplay(ev, true, ['sig']).summary).toBe('GET https://a.test/?sig=secret-value-99');
  });

  it('says what a redirect dropped', () => {
    const d = eventDisplay({ type: 'redirect', t: 1, hop: { status: 302, from: 'http://a/', location: 'http://b/', method: 'GET', droppedHeaders: ['Authorization'], droppedBody: false, crossOrigin: true } });
    expect(d.summary).toBe('302 → http://b/ · dropped Authorization');
    expect(d.tone).toBe('warn');
  });
});
