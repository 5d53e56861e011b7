// The active diagnosis: a refused request is re-sent in safe variants (probes) to find what flips
// the refusal. A probe family looks at the baseline (the prepared request, its response and the
// explanation) and proposes variants — edited copies of the PreparedRequest — each saying what it
// changed and what its outcome proves. The runner sends them through the one path (sendPrepared).
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
}

export interface ProbeFamily {
  id: string;
  /** higher first; 0 = not worth trying for this refusal */
  priority(ctx: ProbeContext): number;
  variants(ctx: ProbeContext): ProbeVariant[] | Promise<ProbeVariant[]>;
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
  /** the probe that found it, for Apply in the app */
  probe: string;
}

export interface Diagnosis {
  baseline: { status: number; headers: Array<[string, string]>; method: string; url: string };
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
  budget: { max: number; used: number };
  stopped?: 'fixed' | 'budget' | 'cancelled' | 'exhausted' | 'not-refused';
}
