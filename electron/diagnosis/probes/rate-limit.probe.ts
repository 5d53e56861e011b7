// A rate limit or quota in force: wait the time the server announced (Retry-After, a reset header)
// and send once more. A wait longer than the probe may take is reported, not waited.
import { headerValue } from '../../../shared/model';
import { clone } from '../edit';
import type { ProbeFamily } from '../types';

export const MAX_WAIT_MS = 15_000;

/** The wait the response announces, in ms (Retry-After seconds or date, RateLimit-Reset / X-RateLimit-Reset seconds or epoch). */
export function announcedWaitMs(headers: Array<[string, string]>, now: number): number | null {
  const retry = headerValue(headers, 'retry-after');
  if (retry !== undefined) {
    if (/^\d+$/.test(retry.trim())) return Number(retry.trim()) * 1000;
    const at = Date.parse(retry);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headerValue(headers, 'ratelimit-reset') ?? headerValue(headers, 'x-ratelimit-reset');
  if (reset !== undefined && /^\d+$/.test(reset.trim())) {
    const n = Number(reset.trim());
    // Epoch seconds (a large number) or seconds to wait.
    return n > 1e9 ? Math.max(0, n * 1000 - now) : n * 1000;
  }
  const remaining = headerValue(headers, 'x-ratelimit-remaining') ?? headerValue(headers, 'ratelimit-remaining');
  return remaining !== undefined && remaining.trim() === '0' ? 1000 : null;
}

export const rateLimitProbe: ProbeFamily = {
  id: 'rate-limit',
  priority: (ctx) => (announcedWaitMs(ctx.response.headers, ctx.now()) !== null || ctx.explanation.cause === 'rate-limited' ? 95 : 0),
  variants: (ctx) => {
    const wait = announcedWaitMs(ctx.response.headers, ctx.now()) ?? 1000;
    if (wait > MAX_WAIT_MS) return [];
    const secs = Math.ceil(wait / 1000);
    return [{
      id: 'rate-limit:wait', family: 'rate-limit', change: `the same request after waiting ${secs} s (the time the server announced)`, prepared: clone(ctx.baseline),
      cause: 'rate-limited', step: 'gateway', waitMs: wait,
      meaning: {
        onSuccess: `after waiting ${secs} s the call succeeds: a rate limit or quota refused it; pace your calls by the Retry-After and rate-limit headers`,
        onSame: `after waiting ${secs} s it is still refused: the limit is longer than announced, or a quota is used up`,
      },
    }];
  },
};
