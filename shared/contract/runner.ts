import { z } from 'zod';
import { CauseIdSchema, NamedBySchema, ReasonSchema } from '../explain/types';
import { ResponseRecordSchema } from '../model/response-record';
import { defineService } from './define';
import { ErrorInfoSchema } from './result';

// The collection runner in the app: one run of a workspace, folder or request file; each result
// streams as runner.onResult, the report as runner.onFinish. The shapes mirror the runner's own
// records (electron/runner/types.ts); unknown keys are dropped and the newer per-result details optional,
// so a runner that reports more than this window knows still gets through.

export const RunExplanationSchema = z.object({
  blocked: z.boolean(),
  /** `namedBy` as the explainer says it (a guess when `host` or `vendor-mark`); absent in reports written before it existed */
  producer: z.object({ id: z.string(), kind: z.string(), name: z.string(), namedBy: NamedBySchema.optional() }).nullable(),
  cause: CauseIdSchema,
  confidence: z.number(),
  reason: ReasonSchema,
  why: z.string(),
  fix: z.string(),
});

/** One `expect:` check and how the response met it (values as short text, secrets redacted). */
export const RunAssertionSchema = z.object({ name: z.string(), passed: z.boolean(), expected: z.string().optional(), actual: z.string().optional() });
/** One script test (pm.test). */
export const RunTestSchema = z.object({ name: z.string(), passed: z.boolean(), error: z.string().optional() });

const Expected = z.union([z.number(), z.string()]);

export const RunResultSchema = z.object({
  /** 1-based position in the run (across iterations) */
  index: z.number().int(),
  iteration: z.number().int().optional(),
  name: z.string(),
  path: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().int().nullable(),
  timeMs: z.number(),
  passed: z.boolean(),
  expected: z.union([Expected, z.array(Expected)]).optional(),
  reason: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  explanation: RunExplanationSchema.optional(),
  assertions: z.array(RunAssertionSchema).optional(),
  tests: z.array(RunTestSchema).optional(),
  /** script features the runner does not support, named rather than silently passed */
  unsupported: z.array(z.string()).optional(),
  /** console lines the request's scripts printed (bounded and redacted by the runner) */
  logs: z.array(z.string()).optional(),
  /** how long the run waited before sending, as the server asked, and why */
  pacedMs: z.number().optional(),
  pacedWhy: z.string().optional(),
  /** a 429 sent once more after the wait it announced */
  retried: z.object({ status: z.number().int(), afterMs: z.number() }).optional(),
});
export type RunResultData = z.infer<typeof RunResultSchema>;

export const RunSummarySchema = z.object({
  total: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  refusals: z.record(z.string(), z.number().int()),
  durationMs: z.number(),
  iterations: z.number().int().optional(),
  assertions: z.object({ passed: z.number().int(), failed: z.number().int() }).optional(),
  tests: z.object({ passed: z.number().int(), failed: z.number().int() }).optional(),
  paced: z.object({ requests: z.number().int(), totalMs: z.number() }).optional(),
  retried: z.number().int().optional(),
});

export const RunReportSchema = z.object({
  collection: z.string(),
  format: z.string(),
  target: z.string(),
  env: z.string().optional(),
  startedAt: z.string(),
  results: z.array(RunResultSchema),
  summary: RunSummarySchema,
});
export type RunReportData = z.infer<typeof RunReportSchema>;

const RunId = z.string().min(1).max(100);
const ProfileChoice = z.string().min(1).max(100);

export const RunnerStartArgsSchema = z.object({
  /** the workspace folder */
  workspace: z.string().min(1),
  /** a folder or request file inside the workspace, relative to it; '' runs every request */
  target: z.string().max(1000),
  env: z.string().max(200).optional(),
  key: ProfileChoice.optional(),
  gateway: ProfileChoice.optional(),
  bail: z.boolean().optional(),
  /** run only these request paths of the target (re-run of the failures) */
  only: z.array(z.string().min(1).max(1000)).max(100_000).optional(),
  /** the window's own id for the run, so it listens before the first result can land */
  runId: RunId.optional(),
});

export const PlannedRequestSchema = z.object({ path: z.string(), name: z.string(), method: z.string() });

export const RunnerStartResultSchema = z.object({
  runId: z.string(),
  collection: z.string(),
  /** the requests in the order they will run */
  requests: z.array(PlannedRequestSchema),
});

export const runnerContract = defineService({
  service: 'runner',
  methods: {
    /** plans the target and starts the run; answers once planned (bad input is an error here), results stream as runner.onResult */
    start: { channel: 'runner.start', args: RunnerStartArgsSchema, result: RunnerStartResultSchema },
    /** aborts the request in flight and ends the run; runner.onFinish still reports what ran */
    stop: { channel: 'runner.stop', args: z.object({ runId: RunId }), result: z.object({ stopped: z.boolean() }) },
    /** the response a failed result got (kept for a bounded number of failures of recent runs), for its explanation and Troubleshoot */
    response: { channel: 'runner.response', args: z.object({ runId: RunId, index: z.number().int().min(1) }), result: z.object({ record: ResponseRecordSchema.nullable() }) },
  },
  events: {
    onResult: { channel: 'runner.onResult', payload: z.object({ runId: z.string(), result: RunResultSchema }) },
    /** `report` when the run ended (stopped or not); `error` when it could not run (an unknown environment or profile) */
    onFinish: {
      channel: 'runner.onFinish',
      payload: z.object({ runId: z.string(), stopped: z.boolean(), report: RunReportSchema.optional(), error: ErrorInfoSchema.optional() }),
    },
  },
});
