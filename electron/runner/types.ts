// A run's records: one result per request, and the summary every reporter prints or writes.
import type { CauseId, Reason } from '../../shared/explain/types';

export interface RunExplanation {
  blocked: boolean;
  producer: { id: string; kind: string; name: string } | null;
  cause: CauseId;
  confidence: number;
  /** the reason as data (id + one sentence); `why` is the whole verdict paragraph */
  reason: Reason;
  why: string;
  fix: string;
}

export interface RunResult {
  /** 1-based position in the run */
  index: number;
  name: string;
  path: string;
  method: string;
  url: string;
  /** null when no response arrived */
  status: number | null;
  timeMs: number;
  passed: boolean;
  /** the request file's `expect.status`, when it has one */
  expected?: number | string;
  /** why it failed, in one line (status mismatch, refusal, send error, broken file) */
  reason?: string;
  error?: { code: string; message: string };
  explanation?: RunExplanation;
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
