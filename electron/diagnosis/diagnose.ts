// The diagnosis loop: send (or take) the baseline, explain it, plan probes from the explanation
// (most telling first), send them through the one path within a budget, paced and honouring the
// server's announced waits, stop once a change turns the refusal into a 2xx and a second send
// confirms it, then conclude. Every probe is reported as it lands.
import { explain } from '../../shared/explain/explain';
import { isRefusal, mayBeRefusal } from '../../shared/explain/refusal';
import { explainInputOf, headerValue, recordBodyText, type ResponseRecord } from '../../shared/model';
import { SendFailure } from '../engine/send-failure';
import { sendPrepared } from '../pipeline/send-prepared';
import type { PreparedRequest } from '../pipeline/prepared';
import { createRedactor } from '../secrets/redact';
import { findCredential } from './credentials';
import { checklist, conclude } from './conclude';
import { withMethod } from './edit';
import { fixCurl } from './fix-curl';
import { fixEdits } from './fix-edits';
import { PROBE_FAMILIES } from './probes/index';
import { announcedWaitMs, MAX_WAIT_MS } from './probes/rate-limit.probe';
import { refusedVariant, SAFE_METHODS } from './safety';
import type { Diagnosis, Finding, ProbeContext, ProbeFamily, ProbeResult, ProbeVariant } from './types';
import { GIVE_UP_AFTER, MAX_TOTAL_WAIT_MS, nextStreak, unlearned, type Streak } from './unlearned';

export const DEFAULT_MAX_PROBES = 40;
/** Characters of the refused answer's body kept in the diagnosis (the report shows them). */
const BODY_EXCERPT = 2000;
/** Pause between probes: a burst of variants must not look like an attack or trip a rate limit. */
const PACE_MS = 60;

export interface DiagnoseInput {
  baseline: PreparedRequest;
  /** the response the user already has (the app): not sent again */
  response?: ResponseRecord;
  prepareWith: ProbeContext['prepareWith'];
  otherKeys?: string[];
  allowUnsafe?: boolean;
  maxProbes?: number;
  signal?: AbortSignal;
  onProbe?: (p: ProbeResult) => void;
  bodyDir?: string;
  families?: readonly ProbeFamily[];
  now?: () => number;
  /** the environment the system-proxy probe reads (default: the process's) */
  environ?: Record<string, string | undefined>;
}

const is2xx = (s: number | null): boolean => s !== null && s >= 200 && s < 300;
const sleep = (ms: number, signal?: AbortSignal): Promise<void> => new Promise((resolve) => {
  // The abort listener goes with the timer: one left per probe piled up on the signal (Node warned at 11).
  const done = (): void => { clearTimeout(t); signal?.removeEventListener('abort', done); resolve(); };
  const t = setTimeout(done, ms);
  signal?.addEventListener('abort', done, { once: true });
});

function explainRecord(r: ResponseRecord) {
  return explain(explainInputOf(r));
}

/**
 * The server's clock against ours: each answer's Date (whole seconds, so the middle of its second)
 * minus our clock when it arrived; the median of the samples.
 */
function clockSampler(): { add(r: ResponseRecord, localMs: number): void; skew(): number | null } {
  const samples: number[] = [];
  return {
    add(r, localMs) {
      const date = headerValue(r.headers, 'date');
      const at = date ? Date.parse(date) : NaN;
      if (!Number.isNaN(at)) samples.push(at + 500 - localMs);
    },
    skew() {
      if (!samples.length) return null;
      const sorted = [...samples].sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)]!;
    },
  };
}

export async function diagnose(input: DiagnoseInput): Promise<Diagnosis> {
  const now = input.now ?? Date.now;
  const max = input.maxProbes ?? DEFAULT_MAX_PROBES;
  const allowUnsafe = input.allowUnsafe === true;
  // Without permission an unsafe request is probed with GET on the same URL; its fix is then a GET.
  const baseline = allowUnsafe || SAFE_METHODS.has(input.baseline.method) ? input.baseline : withMethod(input.baseline, 'GET');
  const bodyDir = input.bodyDir;
  const clock = clockSampler();
  // Every answer is also a reading of the server's clock; a probe may sign with ours moved by a measured skew.
  const send = async (p: PreparedRequest, clockOffsetMs = 0): Promise<ResponseRecord> => {
    const rec = await sendPrepared(p, { ...(input.signal ? { signal: input.signal } : {}), ...(bodyDir ? { bodyDir } : {}),
      ...(clockOffsetMs ? { now: () => now() + clockOffsetMs } : {}) });
    clock.add(rec, now());
    return rec;
  };
  // Probe URLs may carry the key (a query placement): what is shown or written is redacted; only fix.curl keeps it.
  const cred = findCredential(baseline)?.value;
  const redact = createRedactor([...baseline.secrets, ...(cred ? [cred] : [])]).text;
  let response: ResponseRecord;
  try {
    response = input.response ?? await send(baseline);
  } catch (err) {
    // The request itself could not be sent: its error, with a query key redacted like the probes'.
    throw err instanceof SendFailure ? new SendFailure(err.code, redact(err.message)) : err;
  }
  const explanation = explainRecord(response);
  const probes: ProbeResult[] = [];
  // The first part of the answer travels with the diagnosis for the report (block pages carry a reference to quote).
  const excerpt = redact(recordBodyText(response).slice(0, BODY_EXCERPT));
  const base = { status: response.status, headers: response.headers, method: baseline.method, url: redact(response.wire.url), ...(excerpt ? { body: excerpt } : {}) };
  const ctx: ProbeContext = {
    baseline, response, explanation, prepareWith: input.prepareWith, otherKeys: input.otherKeys ?? [], allowUnsafe, now, skewMs: () => clock.skew(),
    environ: input.environ ?? process.env,
  };
  const all = input.families ?? PROBE_FAMILIES;
  /** what was planned and not sent when the run stopped early (the queue's changes, then families not reached) */
  let unsent: string[] = [];
  let streak: Streak = { kind: null, count: 0 };
  let waitedMs = 0;
  let waitCapHit = false;
  const result = async (extra: Partial<Diagnosis>): Promise<Diagnosis> => {
    const findings = extra.stopped === 'not-refused' || extra.stopped === 'cancelled' ? [] : await readFindings();
    const fixedBy = extra.fix ? probes.find((p) => p.id === extra.fix!.probe) ?? null : null;
    const verdict = conclude(explanation, probes, fixedBy ? { cause: extra.cause ?? explanation.cause, proved: fixedBy.proved } : null, findings);
    const unknown = extra.stopped === 'not-refused' || extra.fix ? [] : unlearned(probes, unsent, extra.stopped);
    if (unknown.length) verdict.conclusion = `${verdict.conclusion} Could not learn: ${unknown.join('. ')}.`;
    return {
      baseline: base, explanation, cause: verdict.cause, candidates: verdict.candidates, conclusion: verdict.conclusion, probes, fix: null,
      ...(verdict.ask && !extra.fix ? { ask: verdict.ask } : {}), checklist: checklist(explanation, probes, fixedBy, findings),
      ...(findings.length ? { findings } : {}), ...(unknown.length ? { unlearned: unknown } : {}), budget: { max, used: probes.length }, ...extra,
    };
  };
  if (!isRefusal(response, explanation) && response.status < 400) {
    return result({ stopped: 'not-refused', conclusion: `Not refused: ${response.status} ${response.statusText}. Nothing to diagnose.` });
  }

  const families = [...all].map((f) => ({ f, p: f.priority(ctx) })).filter((x) => x.p > 0).sort((a, b) => b.p - a.p);
  /** Stops early: what is left in the queue and the families not reached are named as unsent. */
  const stopEarly = (stopped: Diagnosis['stopped'], queue: readonly ProbeVariant[], fi: number): Promise<Diagnosis> => {
    unsent = [...queue.map((v) => v.change), ...families.slice(fi + 1).map(({ f }) => `the ${f.id} probes`)];
    return result({ stopped });
  };
  for (const [fi, { f }] of families.entries()) {
    let variants: ProbeVariant[];
    try {
      variants = await f.variants(ctx);
    } catch (err) {
      // A family that cannot build its variants (a profile that does not load) is reported as a probe that could not run.
      probes.push({ id: `${f.id}:plan`, family: f.id, change: 'could not be planned', method: baseline.method, url: baseline.url, status: null, flipped: false,
        proved: '', error: { code: 'probe-plan', message: (err as Error).message }, ms: 0 });
      continue;
    }
    // A gathering probe's follow-ups (the replay with the token it fetched) go right after it.
    const queue = [...variants];
    for (let v = queue.shift(); v; v = queue.shift()) {
      if (probes.length >= max) return stopEarly('budget', [v, ...queue], fi);
      if (input.signal?.aborted) return result({ stopped: 'cancelled' });
      const why = refusedVariant(v.prepared, baseline, allowUnsafe);
      if (why) continue;
      const { r, next } = await runProbe(v);
      queue.unshift(...next);
      // A server that stopped answering, or only rate-limits, teaches nothing more: stop and say so.
      streak = nextStreak(streak, r);
      if (streak.count >= GIVE_UP_AFTER) return stopEarly(streak.kind === 'unanswered' ? 'unreachable' : 'rate-limited', queue, fi);
      if (waitCapHit) return stopEarly('rate-limited', queue, fi);
      if (r.flipped && v.diagnosticOnly && v.conclusive) return result({ stopped: 'exhausted' });
      if (r.flipped && !v.diagnosticOnly) {
        const confirmed = await confirm(v);
        if (confirmed) {
          return result({
            stopped: 'fixed', cause: v.cause,
            fix: { change: v.change, status: confirmed.status, curl: fixCurl(confirmed.prepared, { proxyRemoved: Boolean(baseline.options.proxy) && !confirmed.prepared.options.proxy }), probe: v.id, edits: fixEdits(baseline, confirmed.prepared) },
          });
        }
      }
    }
  }
  return result({ stopped: 'exhausted' });

  /** Each family's reading of the evidence; one that fails is left out (it must not sink the diagnosis). */
  async function readFindings(): Promise<Finding[]> {
    const out: Finding[] = [];
    for (const f of all) {
      if (!f.findings) continue;
      try {
        out.push(...await f.findings(ctx, probes));
      } catch (err) {
        out.push({ id: `${f.id}:error`, family: f.id, step: 'logging', state: 'unknown', text: `${f.id} could not read the evidence: ${(err as Error).message}` });
      }
    }
    return out;
  }

  async function runProbe(v: ProbeVariant): Promise<{ r: ProbeResult; next: ProbeVariant[] }> {
    await sleep(Math.min(v.waitMs ?? PACE_MS, MAX_WAIT_MS), input.signal);
    const t0 = now();
    let r: ProbeResult;
    let next: ProbeVariant[] = [];
    try {
      const rec = await send(v.prepared, v.clockOffsetMs);
      // A gathering probe (a token fetched with GET) succeeding is not the refusal flipping, and neither
      // is a 2xx reached by a redirect that turned the method into GET (a POST answered 301 → GET).
      const methodKept = rec.wire.method === v.prepared.method;
      // A 2xx that is still a refusal (a block page or `{"ok":false,"error":"not_authed"}` with 200) flips nothing.
      const stillRefused = is2xx(rec.status) && mayBeRefusal(rec.status, rec.headers) && isRefusal(rec, explainRecord(rec));
      const flipped = is2xx(rec.status) && !v.gather && methodKept && !stillRefused;
      const proved = flipped ? v.meaning.onSuccess
        : !methodKept && is2xx(rec.status) ? `redirected to ${redact(rec.wire.url)} as ${rec.wire.method}: a ${rec.wire.method} succeeds there, not the ${v.prepared.method}`
          : stillRefused && !v.gather ? `answered ${rec.status}, but what it says is still a refusal`
            // A rate limiter's 429 speaks for the limiter: equal to the baseline's or not, it says nothing of the change.
            : rec.status === 429 && v.family !== 'rate-limit' ? 'answered 429 (rate limited): this answer says nothing about the change'
              : rec.status === response.status ? v.meaning.onSame ?? '' : v.meaning.onOther?.(rec.status) ?? `the answer changes to ${rec.status}`;
      r = { id: v.id, family: v.family, change: v.change, method: v.prepared.method, url: redact(rec.wire.url), status: rec.status, flipped, proved, ms: now() - t0 };
      if (v.gather) {
        const got = v.gather(rec);
        if (got.proved) r.proved = got.proved;
        next = got.next;
      }
      // The server asked for a pause: the next probe waits for it (bounded, and all waits together too).
      const wait = announcedWaitMs(rec.headers, now());
      if (wait !== null && !flipped) {
        const ms = Math.min(wait, MAX_WAIT_MS);
        if (waitedMs + ms > MAX_TOTAL_WAIT_MS) waitCapHit = true;
        else {
          waitedMs += ms;
          await sleep(ms, input.signal);
        }
      }
    } catch (err) {
      const raw = (err as { info?: { code: string; message: string } }).info ?? { code: 'internal', message: (err as Error).message };
      // The message names the URL, which may carry the key (a query placement): redacted like the URL.
      const info = { code: raw.code, message: redact(raw.message) };
      r = { id: v.id, family: v.family, change: v.change, method: v.prepared.method, url: redact(v.prepared.url), status: null, flipped: false,
        proved: `could not be sent: ${info.message}`, error: info, ms: now() - t0 };
    }
    probes.push(r);
    input.onProbe?.(r);
    return { r, next };
  }

  /** A flip counts once the same change succeeds again, with the user's real method when the probe used another. */
  async function confirm(v: ProbeVariant): Promise<{ status: number; prepared: PreparedRequest } | null> {
    const real = input.baseline.method;
    const prepared = v.prepared.method === real || (!allowUnsafe && !SAFE_METHODS.has(real)) ? v.prepared : withMethod(v.prepared, real);
    if (probes.length >= max) return null;
    const confirmation = { ...v, id: `${v.id}:confirm`, change: `${v.change} (confirmed)`, prepared, waitMs: PACE_MS };
    let { r: again } = await runProbe(confirmation);
    // A strict rate limiter refuses the immediate second call and announces its pause (runProbe
    // waited it): one more try shows whether waiting is the fix.
    if (!again.flipped && v.family === 'rate-limit' && probes.length < max) ({ r: again } = await runProbe(confirmation));
    return again.flipped && again.status !== null ? { status: again.status, prepared } : null;
  }
}
