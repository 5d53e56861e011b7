// Pacing by the server's own words: Retry-After (seconds or an HTTP date), and rate-limit headers
// whose remaining count is 0 (X-RateLimit-*, X-Rate-Limit-*, RateLimit-* and the IETF draft's
// structured RateLimit / RateLimit-Policy). The next request to that host waits until then, never
// longer than --max-wait; a longer ask is cut to the cap and said so.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { serverWait, type Headers, type ServerWait } from '../../shared/http/rate-limit';

// The header reading is shared with the window's Rate limit view (shared/http/rate-limit.ts).
export { hasPacingHeader, resetMs, serverWait, type ServerWait } from '../../shared/http/rate-limit';

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
