// What a response's headers ask the runner to wait, for every header family it reads.
import { describe, expect, it } from 'vitest';
import { hasPacingHeader, Pacer, resetMs, serverWait } from '../../../electron/runner/pacing';

const NOW = Date.parse('2026-01-31T10:00:00Z');
const h = (o: Record<string, string>): Array<[string, string]> => Object.entries(o);

describe('serverWait', () => {
  it.each([
    [{ 'Retry-After': '2' }, 2000, 'Retry-After: 2'],
    [{ 'retry-after': 'Sat, 31 Jan 2026 10:00:05 GMT' }, 5000, 'retry-after: Sat, 31 Jan 2026 10:00:05 GMT'],
    [{ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(NOW / 1000 + 30) }, 30_000, `X-RateLimit-Remaining: 0, X-RateLimit-Reset: ${NOW / 1000 + 30}`],
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW + 1500) }, 1500, undefined],
    [{ 'RateLimit-Remaining': '0', 'RateLimit-Reset': '7' }, 7000, undefined],
    [{ 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '3' }, 3000, undefined],
    [{ 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1m30s' }, 90_000, undefined],
    [{ RateLimit: 'limit=10, remaining=0, reset=4' }, 4000, undefined],
    [{ RateLimit: '"default";r=0;t=6' }, 6000, undefined],
    [{ RateLimit: '"default";r=0', 'RateLimit-Policy': '"default";q=100;w=60' }, 60_000, 'RateLimit: "default";r=0, RateLimit-Policy: "default";q=100;w=60'],
  ])('%j asks %i ms', (headers, ms, why) => {
    const w = serverWait(h(headers), NOW);
    expect(w?.ms).toBe(ms);
    if (why) expect(w?.why).toBe(why);
  });

  it.each([
    [{ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '30' }],
    [{ 'x-ratelimit-reset': '30' }],
    [{ RateLimit: '"default";r=3;t=6' }],
    [{ 'retry-after': 'soon' }],
    [{ 'content-type': 'text/plain' }],
  ])('%j asks no wait', (headers) => {
    expect(serverWait(h(headers), NOW)).toBeNull();
  });

  it('reads reset values in each unit, and a date in the past as no wait', () => {
    expect(resetMs('250ms', NOW)).toBe(250);
    expect(resetMs('1h', NOW)).toBe(3_600_000);
    expect(resetMs('1.5', NOW)).toBe(1500);
    expect(resetMs('Sat, 31 Jan 2026 09:00:00 GMT', NOW)).toBe(0);
    expect(resetMs('later', NOW)).toBeNull();
  });

  it('looks at header names only to decide whether to read them', () => {
    expect(hasPacingHeader(h({ 'Content-Type': 'x', 'X-RateLimit-Limit': '5' }))).toBe(true);
    expect(hasPacingHeader(h({ 'Content-Type': 'x', Server: 'nginx' }))).toBe(false);
  });
});

describe('Pacer', () => {
  it('gates only the host that asked, and caps a long ask at --max-wait, saying so', async () => {
    const p = new Pacer(50);
    expect(p.active).toBe(false);
    const asked = p.observe('a:1', h({ 'retry-after': '3600' }));
    expect(asked).toMatchObject({ ms: 50, capped: true, why: 'retry-after: 3600 (asked 3600 s; waited the --max-wait cap of 50 ms)' });
    expect(p.active).toBe(true);
    expect(await p.before('b:2')).toBeUndefined();
    const waited = await p.before('a:1');
    expect(waited?.why).toMatch(/^retry-after: 3600/);
    // The gate is spent: the next request goes at once.
    expect(await p.before('a:1')).toBeUndefined();
  });
});
