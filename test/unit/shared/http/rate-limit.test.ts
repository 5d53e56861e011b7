import { describe, expect, it } from 'vitest';
import { rateLimitInfo, serverWait } from '../../../../shared/http/rate-limit';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('rateLimitInfo', () => {
  it('reads the X-RateLimit family as remaining of limit and a reset in seconds', () => {
    const info = rateLimitInfo([['X-RateLimit-Limit', '60'], ['X-RateLimit-Remaining', '7'], ['X-RateLimit-Reset', '42']], NOW);
    expect(info?.quotas).toEqual([{ unit: '', limit: 60, remaining: 7, resetMs: 42_000,
      headers: ['X-RateLimit-Remaining: 7', 'X-RateLimit-Limit: 60', 'X-RateLimit-Reset: 42'] }]);
    expect(info?.retryAfterMs).toBeNull();
  });

  it('turns an epoch-seconds reset into the time left', () => {
    const at = Math.floor(NOW / 1000) + 90;
    const info = rateLimitInfo([['x-ratelimit-remaining', '0'], ['x-ratelimit-reset', String(at)]], NOW);
    expect(info?.quotas[0]?.resetMs).toBe(90_000);
  });

  it('keeps OpenAI request and token quotas apart', () => {
    const info = rateLimitInfo([
      ['x-ratelimit-limit-requests', '500'], ['x-ratelimit-remaining-requests', '499'], ['x-ratelimit-reset-requests', '120ms'],
      ['x-ratelimit-limit-tokens', '30000'], ['x-ratelimit-remaining-tokens', '29000'], ['x-ratelimit-reset-tokens', '2s'],
    ], NOW);
    expect(info?.quotas.map((q) => [q.unit, q.remaining, q.limit, q.resetMs])).toEqual([['requests', 499, 500, 120], ['tokens', 29000, 30000, 2000]]);
  });

  it('reads the structured draft header with its policy', () => {
    const info = rateLimitInfo([['RateLimit', '"default";r=3;t=10'], ['RateLimit-Policy', '"default";q=100;w=60']], NOW);
    expect(info?.quotas).toEqual([{ unit: '', limit: 100, remaining: 3, resetMs: 10_000, headers: ['RateLimit: "default";r=3;t=10'] }]);
    expect(info?.policy).toBe('"default";q=100;w=60');
  });

  it('reads Retry-After as seconds and as an HTTP date', () => {
    expect(rateLimitInfo([['Retry-After', '30']], NOW)?.retryAfterMs).toBe(30_000);
    expect(rateLimitInfo([['retry-after', new Date(NOW + 5000).toUTCString()]], NOW)?.retryAfterMs).toBe(5000);
  });

  it('says nothing for a response without such headers', () => {
    expect(rateLimitInfo([['content-type', 'text/plain']], NOW)).toBeNull();
  });

  it('is the same reading the runner waits on', () => {
    const headers: Array<[string, string]> = [['x-ratelimit-remaining', '0'], ['x-ratelimit-reset', '3']];
    expect(serverWait(headers, NOW)?.ms).toBe(rateLimitInfo(headers, NOW)?.quotas[0]?.resetMs);
  });
});
