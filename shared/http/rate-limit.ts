// Rate-limit and Retry-After headers, read the same way by the runner (which waits) and the window
// (which shows them): X-RateLimit-*, X-Rate-Limit-*, RateLimit-*, OpenAI's *-requests/-tokens pairs
// and the IETF draft's structured RateLimit / RateLimit-Policy. Pure: `now` is passed in.

export type Headers = ReadonlyArray<readonly [string, string]>;

export interface ServerWait {
  /** what the server asked for, in ms */
  ms: number;
  /** the headers that said so, as received */
  why: string;
}

const PACING_NAME = /^(retry-after|ratelimit|x-ratelimit|x-rate-limit)/i;

/** Cheap test run on every response: does any header speak of waiting? */
export function hasPacingHeader(headers: Headers): boolean {
  for (const [name] of headers) if (PACING_NAME.test(name)) return true;
  return false;
}

function get(headers: Headers, name: string): [string, string] | undefined {
  for (const h of headers) if (h[0].toLowerCase() === name) return [h[0], h[1]];
  return undefined;
}

/** Seconds (delta), epoch seconds, epoch ms, a Go duration (`1m30s`, `250ms`) or an HTTP date, as ms from now. */
export function resetMs(value: string, now: number): number | null {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    if (n > 1e12) return Math.max(0, n - now);
    if (n > 1e9) return Math.max(0, n * 1000 - now);
    return n * 1000;
  }
  const parts = [...v.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length && parts.map((p) => p[0]).join('') === v) {
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
    return parts.reduce((t, p) => t + Number(p[1]) * unit[p[2] as keyof typeof unit], 0);
  }
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** `RateLimit: limit=10, remaining=0, reset=5` (drafts 05/06) or `"default";r=0;t=5` (draft 07 on). */
function structured(value: string): { limit?: number; remaining?: number; reset?: string } {
  const out: { limit?: number; remaining?: number; reset?: string } = {};
  for (const m of value.matchAll(/\b(limit|remaining|reset|r|t)\s*=\s*"?([\d.]+)/gi)) {
    const key = m[1]!.toLowerCase();
    if (key === 'remaining' || key === 'r') out.remaining = Math.min(out.remaining ?? Infinity, Number(m[2]));
    else if (key === 'limit') out.limit ??= Number(m[2]);
    else out.reset ??= m[2]!;
  }
  return out;
}

/** remaining, reset and limit header names of each family, most specific first. */
const FAMILIES: Array<{ remaining: string; reset: string; limit: string }> = [
  { remaining: 'ratelimit-remaining', reset: 'ratelimit-reset', limit: 'ratelimit-limit' },
  { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', limit: 'x-ratelimit-limit' },
  { remaining: 'x-rate-limit-remaining', reset: 'x-rate-limit-reset', limit: 'x-rate-limit-limit' },
  { remaining: 'x-ratelimit-remaining-requests', reset: 'x-ratelimit-reset-requests', limit: 'x-ratelimit-limit-requests' },
  { remaining: 'x-ratelimit-remaining-tokens', reset: 'x-ratelimit-reset-tokens', limit: 'x-ratelimit-limit-tokens' },
];
/** Families a zero remaining count makes the runner wait on (tokens run out per call size, not per call). */
const WAIT_FAMILIES = FAMILIES.slice(0, 4);

const isZero = (v: string): boolean => /^\s*0\s*(;|,|$)/.test(v);

/** The wait a response asks for before the next request to its host, or null when it asks none. */
export function serverWait(headers: Headers, now: number): ServerWait | null {
  const retry = get(headers, 'retry-after');
  if (retry) {
    const ms = resetMs(retry[1], now);
    if (ms !== null) return { ms, why: `${retry[0]}: ${retry[1].trim()}` };
  }
  for (const f of WAIT_FAMILIES) {
    const remaining = get(headers, f.remaining);
    const reset = get(headers, f.reset);
    if (!remaining || !isZero(remaining[1]) || !reset) continue;
    const ms = resetMs(reset[1], now);
    if (ms !== null) return { ms, why: `${remaining[0]}: 0, ${reset[0]}: ${reset[1].trim()}` };
  }
  const combined = get(headers, 'ratelimit');
  if (combined) {
    const { remaining, reset } = structured(combined[1]);
    const policy = get(headers, 'ratelimit-policy');
    const window = policy ? /\bw\s*=\s*(\d+)/.exec(policy[1])?.[1] : undefined;
    // Without a reset the policy's window is the longest the quota can stay used up.
    const secs = reset ?? window;
    if (remaining === 0 && secs !== undefined) {
      return { ms: Number(secs) * 1000, why: `${combined[0]}: ${combined[1].trim()}${reset === undefined && policy ? `, ${policy[0]}: ${policy[1].trim()}` : ''}` };
    }
  }
  return null;
}

/** One quota a response reports: what is left of what, and when it refills. */
export interface Quota {
  /** `requests`, `tokens` (OpenAI's pairs) or '' for the plain family */
  unit: string;
  limit: number | null;
  remaining: number | null;
  /** ms from `now` until the quota resets, or null when not said */
  resetMs: number | null;
  /** the headers read, as received */
  headers: string[];
}

/** What a response says about pacing, for showing: every quota, and Retry-After. */
export interface RateLimitInfo {
  quotas: Quota[];
  retryAfterMs: number | null;
  /** Retry-After as received */
  retryAfter: string | null;
  /** RateLimit-Policy as received (its quota and window) */
  policy: string | null;
}

const num = (v: string | undefined): number | null => {
  const m = v === undefined ? null : /^\s*(\d+(?:\.\d+)?)/.exec(v);
  return m ? Number(m[1]) : null;
};

/** Every rate-limit header of a response in plain numbers, or null when it has none. */
export function rateLimitInfo(headers: Headers, now: number): RateLimitInfo | null {
  if (!hasPacingHeader(headers)) return null;
  const quotas: Quota[] = [];
  const seen = new Set<string>();
  for (const f of FAMILIES) {
    const rem = get(headers, f.remaining);
    const res = get(headers, f.reset);
    const lim = get(headers, f.limit);
    if (!rem && !res && !lim) continue;
    const unit = /-(requests|tokens)$/.exec(f.remaining)?.[1] ?? '';
    // X-RateLimit-* and X-Rate-Limit-* are one quota spelled twice by some servers.
    const key = `${unit}:${rem?.[1] ?? ''}:${lim?.[1] ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    quotas.push({ unit, limit: num(lim?.[1]), remaining: num(rem?.[1]), resetMs: res ? resetMs(res[1], now) : null,
      headers: [rem, lim, res].filter((h): h is [string, string] => h !== undefined).map(([n, v]) => `${n}: ${v.trim()}`) });
  }
  const combined = get(headers, 'ratelimit');
  const policy = get(headers, 'ratelimit-policy');
  if (combined) {
    const s = structured(combined[1]);
    const policyLimit = policy ? num(/\bq\s*=\s*(\d+)/.exec(policy[1])?.[1]) ?? num(policy[1]) : null;
    quotas.push({ unit: '', limit: s.limit ?? policyLimit, remaining: s.remaining ?? null,
      resetMs: s.reset !== undefined ? Number(s.reset) * 1000 : null, headers: [`${combined[0]}: ${combined[1].trim()}`] });
  }
  const retry = get(headers, 'retry-after');
  const info: RateLimitInfo = {
    quotas,
    retryAfterMs: retry ? resetMs(retry[1], now) : null,
    retryAfter: retry ? retry[1].trim() : null,
    policy: policy ? policy[1].trim() : null,
  };
  return quotas.length > 0 || retry ? info : null;
}
