// Pacing by the server's own words: Retry-After (seconds or an HTTP date), and rate-limit headers
// whose remaining count is 0 (X-RateLimit-*, X-Rate-Limit-*, RateLimit-* and the IETF draft's
// structured RateLimit / RateLimit-Policy). The next request to that host waits until then, never
// longer than --max-wait; a longer ask is cut to the cap and said so.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

type Headers = ReadonlyArray<readonly [string, string]>;

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

/** `RateLimit: limit=10, remaining=0, reset=5` (drafts 05/06) or `"default";r=0;t=5` (draft 07 on): remaining and reset. */
function structured(value: string): { remaining?: number; reset?: string } {
  const out: { remaining?: number; reset?: string } = {};
  for (const m of value.matchAll(/\b(remaining|reset|r|t)\s*=\s*"?([\d.]+)/gi)) {
    const key = m[1]!.toLowerCase();
    if (key === 'remaining' || key === 'r') out.remaining = Math.min(out.remaining ?? Infinity, Number(m[2]));
    else out.reset ??= m[2]!;
  }
  return out;
}

const PAIRS: Array<[string, string]> = [
  ['ratelimit-remaining', 'ratelimit-reset'],
  ['x-ratelimit-remaining', 'x-ratelimit-reset'],
  ['x-rate-limit-remaining', 'x-rate-limit-reset'],
  ['x-ratelimit-remaining-requests', 'x-ratelimit-reset-requests'],
];

const isZero = (v: string): boolean => /^\s*0\s*(;|,|$)/.test(v);

/** The wait a response asks for before the next request to its host, or null when it asks none. */
export function serverWait(headers: Headers, now: number): ServerWait | null {
  const retry = get(headers, 'retry-after');
  if (retry) {
    const ms = resetMs(retry[1], now);
    if (ms !== null) return { ms, why: `${retry[0]}: ${retry[1].trim()}` };
  }
  for (const [rem, res] of PAIRS) {
    const remaining = get(headers, rem);
    const reset = get(headers, res);
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

/** The host a request goes to, the unit a server's wait applies to. */
export function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}

export interface Waited {
  ms: number;
  why: string;
}

/** Per-host gates: a response's asked wait holds back the next request to the same host. */
export class Pacer {
  private readonly gates = new Map<string, { until: number; why: string }>();

  constructor(private readonly maxWaitMs: number, private readonly signal?: AbortSignal) {}

  /** True once any server asked for a wait: only then does a request look up its host. */
  get active(): boolean {
    return this.gates.size > 0;
  }

  /** Reads a response's headers; a wait it asks for (cut to --max-wait) gates the host. */
  observe(host: string, headers: Headers, now = Date.now()): (ServerWait & { capped: boolean }) | null {
    const asked = serverWait(headers, now);
    if (!asked || asked.ms <= 0) return null;
    const capped = asked.ms > this.maxWaitMs;
    const ms = Math.min(asked.ms, this.maxWaitMs);
    const why = capped ? `${asked.why} (asked ${secs(asked.ms)}; waited the --max-wait cap of ${secs(this.maxWaitMs)})` : asked.why;
    const until = now + ms;
    const gate = this.gates.get(host);
    if (!gate || gate.until < until) this.gates.set(host, { until, why });
    return { ms, why, capped };
  }

  /** Waits out the host's gate, if any; what was waited, or undefined. Ctrl+C ends the wait. */
  async before(host: string): Promise<Waited | undefined> {
    const gate = this.gates.get(host);
    if (!gate) return undefined;
    const left = gate.until - Date.now();
    if (left <= 0) {
      this.gates.delete(host);
      return undefined;
    }
    const t0 = performance.now();
    await sleep(left, undefined, this.signal ? { signal: this.signal } : undefined).catch((err: unknown) => {
      // An interrupted wait ends the run: the caller sees the aborted signal; anything else is a bug.
      if (!this.signal?.aborted) throw err;
    });
    if (this.gates.get(host) === gate) this.gates.delete(host);
    return { ms: performance.now() - t0, why: gate.why };
  }
}

function secs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 ? 1 : 0)} s` : `${Math.round(ms)} ms`;
}
