// Compare with a request that works, then bisect: starting from the user's request, send it with
// subsets of the differences until the smallest set that turns the refusal into a 2xx is found.
// Each needed difference is found by a binary search over a prefix of the candidates (about
// log2(n) sends each), so a dozen differences of which two matter take about a dozen sends. The
// rules of the diagnosis hold: safe methods only unless allowed, never a spoofing header, and
// nothing is sent when the working request goes to another origin (compare only).
import type { ResponseRecord } from '../../shared/model';
import { sendPrepared } from '../pipeline/send-prepared';
import type { PreparedRequest } from '../pipeline/prepared';
import { createRedactor, isSensitiveHeader } from '../secrets/redact';
import { applyChanges, describe, differences, shownDifference, type Change, type Difference } from './compare';
import { findCredential, KEY_PARAMS } from './credentials';
import { fixCurl } from './fix-curl';
import { announcedWaitMs, MAX_WAIT_MS } from './probes/rate-limit.probe';
import { refusedVariant, SAFE_METHODS } from './safety';
import type { Fix, ProbeResult } from './types';
import { viewOfPrepared, type WireView, type WorkingFrom } from './wire-view';

export const DEFAULT_MAX_SENDS = 20;
/** Pause between sends, as the diagnosis paces its probes. */
const PACE_MS = 60;

export interface Comparison {
  working: { from: WorkingFrom; method: string; url: string; status: number | null; entry?: number; notes: string[] };
  /** compare-only: nothing was sent (`reason` says why) */
  mode: 'bisect' | 'compare-only';
  reason?: string;
  /** the user's request as sent first (null: not sent, or it could not be) */
  baseline: { status: number | null };
  differences: Difference[];
  /** ids of the differences whose working value is unknown (redacted in history) */
  unknown: string[];
  /** ids of the smallest set of differences found that turns the refusal into a 2xx */
  minimal: string[] | null;
  /** false: the budget ran out before the set was proven minimal (it works, it may hold more than needed) */
  smallest?: boolean;
  fix: Fix | null;
  probes: ProbeResult[];
  budget: { max: number; used: number };
  conclusion: string;
}

export interface CompareInput {
  user: PreparedRequest;
  working: WireView;
  allowUnsafe?: boolean;
  maxSends?: number;
  /** the user's response already in hand: not sent again */
  response?: ResponseRecord;
  signal?: AbortSignal;
  bodyDir?: string;
  onProbe?: (p: ProbeResult) => void;
  now?: () => number;
}

const is2xx = (s: number | null): boolean => s !== null && s >= 200 && s < 300;
const sleep = (ms: number, signal?: AbortSignal): Promise<void> => new Promise((resolve) => {
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
});

/** Credentials of both sides, for what is shown: URLs and values never carry them. */
function secretsOf(user: PreparedRequest, working: WireView): string[] {
  const cred = findCredential(user)?.value;
  const theirs = [
    ...working.cookies.map(([, v]) => v),
    ...working.headers.filter((h) => isSensitiveHeader(h.name)).map((h) => h.value.replace(/^\S+\s+(?=\S)/, '')),
    ...working.query.filter(([n]) => KEY_PARAMS.includes(n.toLowerCase())).map(([, v]) => v),
  ];
  return [...user.secrets, ...(cred ? [cred] : []), ...theirs];
}

/** A difference set as a change line: the first few spelled out. */
function label(set: readonly Change[], total: number, redact: (s: string) => string): string {
  if (set.length === total) return `all ${total} difference${total === 1 ? '' : 's'} applied`;
  const shown = set.slice(0, 3).map((c) => describe(shownDifference(c.diff, redact)));
  return `${set.length} of ${total}: ${shown.join('; ')}${set.length > 3 ? `; +${set.length - 3} more` : ''}`;
}

export async function compareRequests(input: CompareInput): Promise<Comparison> {
  const { user, working } = input;
  const max = input.maxSends ?? DEFAULT_MAX_SENDS;
  const allowUnsafe = input.allowUnsafe === true;
  const now = input.now ?? Date.now;
  const probes: ProbeResult[] = [];
  const redactAll = createRedactor(secretsOf(user, working)).text;
  const cred = findCredential(user)?.value;
  const redactMine = createRedactor([...user.secrets, ...(cred ? [cred] : [])]).text;
  const mine = viewOfPrepared(user);
  const workingInfo = { from: working.from, method: working.method, url: redactAll(working.url), status: working.status ?? null,
    ...(working.entry ? { entry: working.entry } : {}), notes: working.notes };
  const finish = (changes: Change[], extra: Partial<Comparison> & { conclusion: string }): Comparison => ({
    working: workingInfo, mode: 'bisect', baseline: { status: null }, differences: changes.map((c) => shownDifference(c.diff, redactMine)),
    unknown: changes.filter((c) => c.diff.unknown).map((c) => c.diff.id), minimal: null, fix: null, probes, budget: { max, used: probes.length }, ...extra,
  });

  // The key binding rule, applied to the working request: its credentials and ours stay on their origin.
  const onlyCompare = mine.origin !== working.origin
    ? `the working request goes to ${working.origin}, yours to ${mine.origin}: compared only, nothing is sent to either`
    : !allowUnsafe && !SAFE_METHODS.has(user.method) ? `${user.method} is not re-sent without --allow-unsafe: compared only, nothing is sent` : null;
  if (onlyCompare) {
    const changes = differences(mine, working);
    return finish(changes, { mode: 'compare-only', reason: onlyCompare, conclusion: `${changes.length} difference${changes.length === 1 ? '' : 's'}; ${onlyCompare}.` });
  }

  /** the HTTP version the last answer came over (the user's own, when it is the first send) */
  let lastVersion: '1.1' | '2' | undefined;
  const send = (p: PreparedRequest): Promise<ResponseRecord> => sendPrepared(p, { ...(input.signal ? { signal: input.signal } : {}), ...(input.bodyDir ? { bodyDir: input.bodyDir } : {}) });
  async function probe(p: PreparedRequest, change: string, proved: (status: number) => string): Promise<ProbeResult> {
    if (probes.length) await sleep(PACE_MS, input.signal);
    const t0 = now();
    let r: ProbeResult;
    try {
      let rec = await send(p);
      // A rate limit says nothing about the differences: wait what it announced and ask once more.
      const wait = rec.status === 429 || rec.status === 503 ? announcedWaitMs(rec.headers, now()) : null;
      if (wait !== null && wait <= MAX_WAIT_MS && probes.length + 1 < max) {
        const limited: ProbeResult = { id: `compare:${probes.length}`, family: 'compare', change, method: p.method, url: redactAll(rec.wire.url), status: rec.status,
          flipped: false, proved: `rate limited: sent again after ${Math.ceil(wait / 1000)} s`, ms: now() - t0 };
        probes.push(limited);
        input.onProbe?.(limited);
        await sleep(wait, input.signal);
        rec = await send(p);
      }
      lastVersion = rec.httpVersion === '2' ? '2' : '1.1';
      r = { id: `compare:${probes.length}`, family: 'compare', change, method: p.method, url: redactAll(rec.wire.url), status: rec.status, flipped: is2xx(rec.status), proved: proved(rec.status), ms: now() - t0 };
    } catch (err) {
      const info = (err as { info?: { code: string; message: string } }).info ?? { code: 'internal', message: (err as Error).message };
      r = { id: `compare:${probes.length}`, family: 'compare', change, method: p.method, url: redactAll(p.url), status: null, flipped: false,
        proved: `could not be sent: ${redactAll(info.message)}`, error: { code: info.code, message: redactAll(info.message) }, ms: now() - t0 };
    }
    probes.push(r);
    input.onProbe?.(r);
    return r;
  }

  let baselineStatus: number | null;
  let sentVersion: '1.1' | '2' | undefined;
  if (input.response) {
    baselineStatus = input.response.status;
    sentVersion = input.response.httpVersion === '2' ? '2' : '1.1';
  } else {
    const r = await probe(user, 'your request, unchanged', (s) => (is2xx(s) ? 'your request already succeeds' : `your request is refused with ${s}`));
    baselineStatus = r.status;
    sentVersion = r.status === null ? undefined : lastVersion;
  }
  const changes = differences(mine, working, sentVersion ? { sentVersion } : {});
  for (const c of changes) {
    if (!c.diff.applicable) continue;
    const why = refusedVariant(applyChanges(user, [c]), user, allowUnsafe);
    if (why) [c.diff.applicable, c.diff.why] = [false, why];
  }
  const done = (extra: Partial<Comparison> & { conclusion: string }): Comparison => finish(changes, { baseline: { status: baselineStatus }, ...extra });
  if (is2xx(baselineStatus)) return done({ conclusion: `Your request already gets ${baselineStatus}: nothing to bisect.` });
  const usable = changes.filter((c) => c.diff.applicable);
  const held = changes.filter((c) => !c.diff.applicable).map((c) => describe(shownDifference(c.diff, redactMine)));
  const heldNote = held.length ? ` Not tried: ${held.slice(0, 5).join('; ')}${held.length > 5 ? `; +${held.length - 5} more` : ''}.` : '';
  if (!usable.length) return done({ conclusion: `No difference Clearance may send.${heldNote}` });

  const cache = new Map<string, boolean>();
  const statusOf = new Map<string, number>();
  const keyOf = (set: readonly Change[]): string => set.map((c) => c.diff.id).sort().join('\n');
  /** true: the set turns the refusal into a 2xx; null: out of budget (or stopped) */
  async function works(set: Change[], proved: (s: number) => string): Promise<boolean | null> {
    const k = keyOf(set);
    if (cache.has(k)) return cache.get(k)!;
    if (probes.length >= max || input.signal?.aborted) return null;
    const p = applyChanges(user, set);
    if (refusedVariant(p, user, allowUnsafe)) return false;
    const r = await probe(p, label(set, usable.length, redactMine), proved);
    cache.set(k, r.flipped);
    if (r.flipped) statusOf.set(k, r.status!);
    return r.flipped;
  }

  const all = await works(usable, (s) => (is2xx(s) ? `with every difference it may send, your request gets ${s}: bisecting` : `even with every difference it may send, the answer is ${s}`));
  if (!all) {
    const last = probes[probes.length - 1]?.status ?? null;
    return done({ conclusion: all === null ? 'Stopped before the differences could be tried.'
      : `With ${usable.length === 1 ? 'the one difference' : `all ${usable.length} differences`} Clearance may send applied, the answer is still ${last ?? 'no response'}: what makes the working request work is not in what was sent (the client's address, its TLS, a session the server tied to it, or a value that is unknown here).${heldNote}` });
  }
  const { set, smallest } = await minimize(usable, (s) => works(s, (st) => (is2xx(st) ? `${s.length === 1 ? 'this one is' : `these ${s.length} are`} enough (${st})` : `not enough (${st})`)));
  // A flip counts once the same set succeeds again (a flapping backend is no fix).
  const fixed = applyChanges(user, set);
  cache.delete(keyOf(set));
  // A set proven by a 2xx keeps that status when the budget leaves no second send.
  const again = await works(set, (s) => (is2xx(s) ? `confirmed: ${set.length === 1 ? 'this difference alone turns' : `these ${set.length} differences alone turn`} the refusal into ${s}` : `did not hold: ${s} on a second send`));
  const ordered = usable.filter((c) => set.includes(c));
  const minimal = ordered.map((c) => c.diff.id);
  const change = ordered.map((c) => describe(shownDifference(c.diff, redactMine))).join('; ');
  const status = statusOf.get(keyOf(set)) ?? 200;
  if (again === false) return done({ minimal, smallest, conclusion: `${change} turned the refusal into a success once, but not on a second send: the backend flaps; replay it before trusting any fix.` });
  const confirmed = again === true;
  return done({
    minimal, smallest, fix: { change, status, curl: fixCurl(fixed), probe: 'compare:minimal' },
    conclusion: `Of ${changes.length} difference${changes.length === 1 ? '' : 's'}, ${smallest ? `${set.length} ${set.length === 1 ? 'is' : 'are'} needed` : 'this set works (the budget ran out before it was proven the smallest)'}: ${change} (${probes.length} sends).${confirmed ? '' : ' Not confirmed by a second send (budget).'}${heldNote}`,
  });
}

/**
 * The smallest subset that still works, given that all of `items` work: each needed item is the
 * last one of the shortest working prefix (binary search), the items after it are not needed.
 */
async function minimize(items: Change[], works: (set: Change[]) => Promise<boolean | null>): Promise<{ set: Change[]; smallest: boolean }> {
  let found: Change[] = [];
  let candidates = items;
  let best = items;
  for (;;) {
    if (found.length) {
      const ok = await works(found);
      if (ok === null) return { set: best, smallest: false };
      if (ok) return { set: found, smallest: true };
    }
    if (!candidates.length) return { set: best, smallest: false };
    let lo = 1;
    let hi = candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const ok = await works([...found, ...candidates.slice(0, mid)]);
      if (ok === null) return { set: best, smallest: false };
      if (ok) [hi, best] = [mid, [...found, ...candidates.slice(0, mid)]];
      else lo = mid + 1;
    }
    found = [...found, candidates[lo - 1]!];
    candidates = candidates.slice(0, lo - 1);
    best = [...found, ...candidates];
  }
}
