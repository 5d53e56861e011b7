import type { Matcher } from '../match';
import { all, any, hdr, status } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';

const REMAINING_ZERO = /^\s*0\s*(;|,|$)/;
const remainingZero: Matcher = any(
  hdr('ratelimit-remaining', REMAINING_ZERO),
  hdr('x-ratelimit-remaining', REMAINING_ZERO),
  hdr('x-rate-limit-remaining', REMAINING_ZERO),
  hdr('x-ratelimit-remaining-requests', REMAINING_ZERO),
  hdr('x-ratelimit-remaining-tokens', REMAINING_ZERO),
  // per-window counters: Kong's rate-limiting plugin (X-RateLimit-Remaining-Minute, kong/rate-limit;
  // https://docs.konghq.com/hub/kong-inc/rate-limiting/) and the many API middlewares that send the same
  // per-second/minute/hour/day names (FastAPI and Go rate limiters found in public repositories)
  hdr('x-ratelimit-remaining-second', REMAINING_ZERO),
  hdr('x-ratelimit-remaining-minute', REMAINING_ZERO),
  hdr('x-ratelimit-remaining-hour', REMAINING_ZERO),
  hdr('x-ratelimit-remaining-day', REMAINING_ZERO),
  hdr('x-ratelimit-remaining-month', REMAINING_ZERO),
  hdr('ratelimit', /\br\s*=\s*0\b/i),
);
const retryAfter = hdr('retry-after', /^\s*\S/);
const refusal = status(403, 429, 503, 420, 509);

/** Retry-After and rate-limit headers mean rate limiting, even on a 403. */
export const RATE_LIMIT_RULES: CauseRule[] = [
  rule('rate-limited', 0.85, all(refusal, remainingZero), {
    why: 'the rate-limit headers say no requests remain in the current window',
    blocks: true,
  }),
  rule('rate-limited', 0.9, status(429), { why: 'status 429 Too Many Requests' }),
  rule('rate-limited', 0.7, all(status(403, 429, 503), retryAfter), {
    why: 'the response carries Retry-After, which refusals for rate or quota limits send (a 403 can mean rate limiting)',
  }),
];
