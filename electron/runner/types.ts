// A run's records: one result per request, and the summary every reporter prints or writes.
import type { CauseId, NamedBy, Reason } from '../../shared/explain/types';

export interface RunExplanation {
  blocked: boolean;
  /** `namedBy`: how the explainer identified it (`host`, `vendor-mark`: a guess) */
  producer: { id: string; kind: string; name: string; namedBy?: NamedBy } | null;
  cause: CauseId;
  confidence: number;
  /** the reason as data (id + one sentence); `why` is the whole verdict paragraph */
  reason: Reason;
  why: string;
  fix: string;
}

/** One declarative check of `expect:` and how the response met it (values as short text, secrets redacted). */
export interface AssertionResult {
  /** `status`, `header content-type`, `body contains "ok"`, `json data.id`, `time` */
  name: string;
  passed: boolean;
  expected: string;
  actual: string;
}

/** A script's `pm.test` (filled in by the Postman script runner, electron/runner/scripts). */
export interface ScriptTest {
  name: string;
  passed: boolean;
  error?: string;
}

export interface RunResult {
  /** 1-based position in the run (across iterations) */
  index: number;
  /** 1-based iteration, when the run has more than one */
  iteration?: number;
  name: string;
  path: string;
  method: string;
  url: string;
  /** null when no response arrived */
  status: number | null;
  timeMs: number;
  passed: boolean;
  /** the request file's `expect.status`, when it has one */
  expected?: number | string | Array<number | string>;
  /** why it failed, in one line (failed assertions, refusal, send error, broken file, failed script tests) */
  reason?: string;
  error?: { code: string; message: string };
  explanation?: RunExplanation;
  /** every `expect:` check, in the file's order (status first) */
  assertions?: AssertionResult[];
  /** the scripts' tests; a failed one fails the request */
  tests?: ScriptTest[];
  /** script features the runner does not support, named so nothing passes silently */
  unsupported?: string[];
  /** what the request's scripts wrote with console.log (bounded, secrets redacted) */
  logs?: string[];
  /** how long the runner waited before sending, as the server asked (Retry-After, rate-limit headers) */
  pacedMs?: number;
  /** what the server said that made the runner wait, in one line */
  pacedWhy?: string;
  /** a 429 sent once more after the wait it announced: the first answer's status and the wait */
  retried?: { status: number; afterMs: number };
}

export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  /** requests not run because --bail stopped the run */
  skipped: number;
  /** refusals (isRefusal: a refusal status or the explainer's verdict) by cause id */
  refusals: Record<string, number>;
  durationMs: number;
  /** how many times the plan ran (--iterations, or the rows of --iteration-data) */
  iterations: number;
  /** `expect:` checks over the run */
  assertions: { passed: number; failed: number };
  /** the scripts' tests over the run */
  tests: { passed: number; failed: number };
  /** waits the servers asked for: requests that waited and the time waited */
  paced: { requests: number; totalMs: number };
  /** 429s sent once more after their Retry-After */
  retried: number;
}

export interface RunReport {
  collection: string;
  format: string;
  target: string;
  env?: string;
  startedAt: string;
  results: RunResult[];
  summary: RunSummary;
}

/** A reporter sees each result as it lands (progress) and the whole report at the end. */
export interface Reporter {
  result?(r: RunResult): void;
  finish(report: RunReport): Promise<void>;
}
