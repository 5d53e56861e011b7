// The active diagnosis: a refused request is re-sent in safe variants (probes) to find what flips
// the refusal. A probe family looks at the baseline (the prepared request, its response and the
// explanation) and proposes variants — edited copies of the PreparedRequest — each saying what it
// changed and what its outcome proves. The runner sends them through the one path (sendPrepared).
import type { FixEdit } from '../../shared/contract/diagnosis';
import type { CauseId, ChecklistStep, Explanation } from '../../shared/explain/types';
import type { ResponseRecord } from '../../shared/model';
import type { PreparedRequest } from '../pipeline/prepared';

/** What the outcome of a variant means, worded for the user's notes. */
export interface Meaning {
  /** the variant got a 2xx: what that proves (and which cause it points at) */
  onSuccess: string;
  /** the status did not change */
  onSame?: string;
  /** the status changed to another refusal or error */
  onOther?: (status: number) => string;
}

export interface ProbeVariant {
  /** stable id: `<family>:<detail>` (e.g. `key-placement:header:apikey`) */
  id: string;
  family: string;
  /** one line: what is different from the user's request */
  change: string;
  prepared: PreparedRequest;
  meaning: Meaning;
  /** the cause a 2xx of this variant points at */
  cause: CauseId;
  /** the checklist step whose automatic check this variant informs */
  step: ChecklistStep;
  /** wait this long before sending (rate-limit probes honour Retry-After) */
  waitMs?: number;
  /** a 2xx says something about the layer but is not the user's request fixed (another path, no credentials) */
  diagnosticOnly?: boolean;
  /** a 2xx of this diagnostic variant settles the diagnosis (the clock is off): no further probe is sent */
  conclusive?: boolean;
  /** sign with the clock moved by this much (a measured skew): the key profile's signature is made at now + offset */
  clockOffsetMs?: number;
  /**
   * This probe gathers something the next ones need (a CSRF token, the server's clock): its 2xx is
   * no flip; from its answer come what it proved and the variants sent right after it.
   */
  gather?: (response: ResponseRecord) => { proved?: string; next: ProbeVariant[] };
}

/** What a family reads from the evidence without sending anything (clock skew, JWT claims). */
export interface Finding {
  /** `<family>:<detail>` */
  id: string;
  family: string;
  step: ChecklistStep;
  /** fail: part of why the call is refused; pass: checked and fine; unknown: cannot tell */
  state: 'pass' | 'fail' | 'unknown';
  /** one sentence, with the numbers (the skew in seconds, the claim and its value) */
  text: string;
  /** the cause a failed finding points at */
  cause?: CauseId;
  /** whom to ask for what, when a failed finding names the blocker */
  ask?: string;
}

export interface ProbeContext {
  baseline: PreparedRequest;
  /** the user's request prepared again with other profile choices (the one path; `none`/`direct` = without) */
  prepareWith(overrides: { key?: string; gateway?: string }): Promise<PreparedRequest>;
  response: ResponseRecord;
  explanation: Explanation;
  /** names of the workspace's other key profiles bound to the request's host */
  otherKeys: string[];
  allowUnsafe: boolean;
  now: () => number;
  /** the server's clock minus ours, in ms, from the Date headers of the answers so far (null: none carried one) */
  skewMs: () => number | null;
  /** the process environment as the probes read it (the system proxy); tests pass their own */
  environ: Record<string, string | undefined>;
}

export interface ProbeFamily {
  id: string;
  /** higher first; 0 = not worth trying for this refusal */
  priority(ctx: ProbeContext): number;
  variants(ctx: ProbeContext): ProbeVariant[] | Promise<ProbeVariant[]>;
  /** what the evidence shows without a request, read once the probes are done (they may have measured more) */
  findings?(ctx: ProbeContext, probes: readonly ProbeResult[]): Finding[] | Promise<Finding[]>;
}

/** One probe as sent, for the report and the live view. */
export interface ProbeResult {
  id: string;
  family: string;
  change: string;
  method: string;
  url: string;
  /** null when the variant could not be sent (the error says why) */
  status: number | null;
  /** turned the refusal into a 2xx */
  flipped: boolean;
  /** what the outcome proved */
  proved: string;
  error?: { code: string; message: string };
  ms: number;
}

export type CheckState = 'pass' | 'fail' | 'unknown' | 'manual';

export interface CheckItem {
  id: string;
  step: ChecklistStep;
  title: string;
  state: CheckState;
  evidence: string;
  producerTip?: string;
}

export interface Fix {
  change: string;
  status: number;
  /** the user's request with the change, as a complete curl command (credentials included, so it runs as printed) */
  curl: string;
  /** the probe that found it */
  probe: string;
  /** the change as edits of the user's request, for Apply in the app */
  edits?: FixEdit[];
}

export interface Diagnosis {
  /** `body`: the answer's first 2,000 characters, secrets redacted */
  baseline: { status: number; headers: Array<[string, string]>; method: string; url: string; body?: string };
  explanation: Explanation;
  cause: CauseId;
  candidates: Explanation['candidates'];
  /** one paragraph: what the probes showed */
  conclusion: string;
  probes: ProbeResult[];
  fix: Fix | null;
  /** when no client-side change can succeed: whom to ask for what */
  ask?: string;
  checklist: CheckItem[];
  /** what was read from the evidence without a request (clock skew, JWT claims); also in the conclusion and checklist */
  findings?: Finding[];
  /** what the probes could not show (no answer, only a rate limiter, flapping answers, probes left unsent); also in the conclusion */
  unlearned?: string[];
  budget: { max: number; used: number };
  /** unreachable: GIVE_UP_AFTER probes in a row got no answer; rate-limited: as many were answered 429, or the announced waits passed their cap */
  stopped?: 'fixed' | 'budget' | 'cancelled' | 'exhausted' | 'not-refused' | 'unreachable' | 'rate-limited';
}
