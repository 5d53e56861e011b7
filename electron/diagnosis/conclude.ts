// From the probes to the verdict: the cause (refined by what flipped or what a probe proved), the
// candidates re-ranked, one paragraph of notes, whom to ask when nothing client-side can succeed,
// and the four-step checklist with each item's state and evidence.
import { CHECKLIST_TITLES } from '../../shared/explain/checklist';
import type { CauseId, ChecklistStep, Explanation } from '../../shared/explain/types';
import type { CheckItem, CheckState, Finding, ProbeResult } from './types';

export interface Verdict {
  cause: CauseId;
  candidates: Explanation['candidates'];
  conclusion: string;
  ask?: string;
}

/** Causes the client cannot change: they need whoever runs the layer. */
const ASK: Partial<Record<CauseId, (e: Explanation) => string>> = {
  'ip-or-geo-blocked': (e) => `Ask whoever runs ${layer(e)} to allow your egress IP or network (quote the request id in the response); no header or key change can pass an address rule.`,
  'insufficient-permissions': (e) => `Ask the owner of the key for the permission or scope this call needs${scopeOf(e)}, or use a key that has it.`,
  'resource-policy-deny': (e) => `Ask whoever owns the resource policy or the key restrictions at ${layer(e)} to allow this caller.`,
  'account-or-plan-restriction': (e) => `Ask the account or subscription owner at ${layer(e)}: the plan, project or app is restricted.`,
  'directory-listing-or-filesystem': () => 'Ask whoever runs the web server: it refuses to list this directory or cannot read the file (permissions, missing index).',
  'invalid-credentials': (e) => `Get a valid credential from whoever issues keys for ${layer(e)}: the one sent is refused.`,
  'signature-or-clock-skew': () => 'Check the signing key and the clock of the machine that signs (or get a fresh signed URL).',
};

const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function layer(e: Explanation): string {
  return e.producer ? e.producer.name : 'the API';
}

function scopeOf(e: Explanation): string {
  const ev = e.evidence.find((x) => x.where === 'header' && /scope=/i.test(x.text));
  const m = ev ? /scope="?([^",]+)/i.exec(ev.text) : null;
  return m ? ` (${m[1]})` : '';
}

function rerank(e: Explanation, cause: CauseId, confidence: number): Explanation['candidates'] {
  const rest = e.candidates.filter((c) => c.cause !== cause).map((c) => ({ ...c, confidence: Math.min(c.confidence, 1 - confidence) }));
  return [{ cause, confidence }, ...rest];
}

/**
 * The verdict: a confirmed flip decides the cause; otherwise what the probes proved and what the
 * evidence showed without a request (findings: the clock, a token's claims) narrow it.
 */
export function conclude(e: Explanation, probes: ProbeResult[], fixed: { cause: CauseId; proved: string } | null, findings: readonly Finding[] = []): Verdict {
  const failed = findings.filter((f) => f.state === 'fail');
  // A change that succeeded once and not when sent again (refused, or no answer at all): the refusal
  // comes and goes, and what that one success seemed to show is not proven.
  const flaky = probes.filter((p) => p.flipped && probes.some((c) => c.id === `${p.id}:confirm` && !c.flipped));
  // Each distinct finding once (several probes can prove the same thing); what the evidence settles first.
  const notes = [...new Set([
    // A probe that got no answer proved nothing: the diagnosis's "could not learn" names those once.
    ...failed.map((f) => f.text), ...probes.filter((p) => p.proved && !p.error && !flaky.includes(p)).map((p) => p.proved), ...findings.filter((f) => f.state !== 'fail').map((f) => f.text),
  ].map(sentence))];
  if (fixed) {
    return { cause: fixed.cause, candidates: rerank(e, fixed.cause, 0.95), conclusion: `Found it: ${fixed.proved}. ${notes.filter((n) => n !== sentence(fixed.proved)).slice(0, 4).join('. ')}`.trim() };
  }
  // A diagnostic probe that flipped and settles it (signed with the clock moved by the skew): no request change is the fix.
  const clockFlip = probes.find((p) => p.family === 'clock-skew' && p.flipped);
  if (clockFlip) {
    return {
      cause: 'signature-or-clock-skew', candidates: rerank(e, 'signature-or-clock-skew', 0.95),
      // The measured skew is already in what the probe proved: not said twice.
      conclusion: `Found it: ${clockFlip.proved}. ${notes.filter((n) => n !== sentence(clockFlip.proved) && !failed.some((f) => f.family === 'clock-skew' && sentence(f.text) === n))
        .slice(0, 4).join('. ')}`.trim(),
      ask: 'Set this machine\'s clock right (turn on time sync: NTP, `timedatectl set-ntp true`, or the OS date settings), then sign again; the request itself needs no change.',
    };
  }
  let cause = e.cause;
  let confidence = e.confidence;
  const noCred = probes.find((p) => p.family === 'no-credentials');
  const root = probes.find((p) => p.id === 'path-variants:root');
  const direct = probes.find((p) => p.id === 'gateway:direct');
  // What the probes proved narrows the explanation's candidates.
  if (noCred?.status === 401 && (cause === 'other' || cause === 'missing-credentials')) [cause, confidence] = ['insufficient-permissions', Math.max(confidence, 0.6)];
  if (noCred && noCred.status === probes[0]?.status && root && root.status !== null && root.status >= 400 && cause === 'other') [cause, confidence] = ['ip-or-geo-blocked', 0.5];
  if (direct?.flipped) [cause, confidence] = ['method-or-path-blocked', Math.max(confidence, 0.7)];
  // Another method allowed on the same path: a method rule, whatever the page looked like.
  if (probes.some((p) => p.family === 'method' && p.flipped)) [cause, confidence] = ['method-or-path-blocked', Math.max(confidence, 0.75)];
  // A failed finding that names a cause (an expired token, a missing scope, a clock far off) is the strongest evidence left.
  const settled = failed.find((f) => f.cause);
  if (settled?.cause) [cause, confidence] = [settled.cause, Math.max(settled.cause === e.cause ? confidence : 0, 0.8)];
  const answered = probes.filter((p) => p.status !== null).length;
  const tried = answered ? `${probes.length} probe${probes.length === 1 ? '' : 's'}, none turned the refusal into a success` : 'no probe got an answer';
  if (flaky.length && !settled) {
    const which = flaky.slice(0, 3).map((p) => p.change).join('; ');
    // What the unconfirmed flips seemed to show (another method, direct) is no evidence here: the explanation's cause stands.
    return {
      cause: e.cause, candidates: e.candidates,
      conclusion: `No change held: ${flaky.length} probe${flaky.length === 1 ? '' : 's'} succeeded once and not when sent again (${which}). The refusal is intermittent: one of several backends or nodes refuses, or a rule that flaps. ${notes.slice(0, 4).join('. ')}${notes.length ? '.' : ''}`.trim(),
      ask: `Ask whoever runs ${layer(e)} which backend or node refuses: the same request is answered 2xx and refused in turn${quoteIds(e)}`,
    };
  }
  const askFn = ASK[cause];
  return {
    cause, candidates: cause === e.cause ? e.candidates : rerank(e, cause, confidence),
    conclusion: `No client-side change fixed it (${tried}). ${notes.slice(0, 6).join('. ')}${notes.length ? '.' : ''}`.trim(),
    ask: failed.find((f) => f.ask)?.ask ?? (askFn ? askFn(e) : `Take the report to whoever runs ${layer(e)}: ${e.fix}`),
  };
}

const FAMILY_STEP: Record<string, ChecklistStep> = {
  'no-credentials': 'auth', 'other-keys': 'auth', 'key-placement': 'gateway', gateway: 'gateway', method: 'gateway', 'path-variants': 'gateway',
  'browser-headers': 'server', 'origin-referer': 'server', replay: 'server', 'rate-limit': 'gateway',
  'clock-skew': 'auth', 'jwt-claims': 'auth', csrf: 'server', 'http-version': 'server', 'stage-prefix': 'gateway',
};

/** The four steps: automatic where probes, findings or the explanation decide, by hand otherwise, tailored to the producer. */
export function checklist(e: Explanation, probes: ProbeResult[], fixedBy: ProbeResult | null, findings: readonly Finding[] = []): CheckItem[] {
  return e.steps.map((s) => {
    const mine = probes.filter((p) => FAMILY_STEP[p.family] === s.id);
    const read = findings.filter((f) => f.step === s.id);
    const failed = read.filter((f) => f.state === 'fail');
    let state: CheckState = 'manual';
    let evidence = s.text;
    if (fixedBy && FAMILY_STEP[fixedBy.family] === s.id) [state, evidence] = ['fail', `${fixedBy.proved} (probe ${fixedBy.id})`];
    else if (failed.length) [state, evidence] = ['fail', [...failed.map((f) => f.text), ...mine.map((p) => p.proved).filter(Boolean)].slice(0, 3).join('; ')];
    else if (mine.length) {
      state = mine.every((p) => !p.flipped) ? 'unknown' : 'pass';
      evidence = [...new Set(mine.map((p) => p.proved).filter(Boolean))].slice(0, 3).concat(read.map((f) => f.text)).join('; ') || s.text;
    } else if (read.length) {
      state = read.every((f) => f.state === 'pass') ? 'pass' : 'unknown';
      evidence = read.map((f) => f.text).join('; ');
    } else if (s.id === 'logging') evidence = `${s.text}${quoteIds(e)}`;
    return { id: `${s.id}`, step: s.id, title: CHECKLIST_TITLES[s.id], state, evidence, ...(s.producerTip ? { producerTip: s.producerTip } : {}) };
  });
}

/** Request ids worth quoting to the operators (Ray ID, x-amzn-requestid…), from the evidence. */
function quoteIds(e: Explanation): string {
  const ids = e.evidence.filter((x) => x.where === 'header' && /request-?id|ray|trace|correlation/i.test(x.name ?? '')).map((x) => `${x.name}: ${x.text}`);
  return ids.length ? ` Quote ${ids.join(', ')}.` : '';
}
