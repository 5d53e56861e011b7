import { z } from 'zod';
import { CandidateSchema, CauseIdSchema, ChecklistStepSchema, ExplanationSchema } from '../explain/types';
import { RequestFileSchema } from '../model/workspace';
import { RequestSpecSchema } from '../model/request';
import { ResponseRecordSchema } from '../model/response-record';
import { SendOptionsSchema } from '../model/send-options';
import { defineService } from './define';

/** One probe as sent: what changed, the answer, what it proved (URLs redacted of credentials). */
export const ProbeResultSchema = z.object({
  id: z.string(),
  family: z.string(),
  change: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().int().nullable(),
  flipped: z.boolean(),
  proved: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  ms: z.number(),
});

export const CheckItemSchema = z.object({
  id: z.string(),
  step: ChecklistStepSchema,
  title: z.string(),
  state: z.enum(['pass', 'fail', 'unknown', 'manual']),
  evidence: z.string(),
  producerTip: z.string().optional(),
});

/**
 * One edit of the user's request that the fix made, for Apply in the app. The request's own rows
 * are applied; rows a key or gateway profile, a folder's defaults or the engine put there are said,
 * not edited (Apply cannot change them in the request).
 */
export const FixEditSchema = z.object({
  op: z.enum(['set', 'remove']),
  in: z.enum(['header', 'query', 'method', 'path', 'key', 'gateway', 'proxy']),
  /** header or parameter name; for `path` the path before the edit; for `key`/`gateway` the profile slot */
  name: z.string(),
  /** the new value (set); absent when `from` says where it comes from */
  value: z.string().optional(),
  /** the value moved from another row of the request (a credential): Apply copies that row's own text, {{variables}} kept, after `prefix` */
  from: z.object({ in: z.enum(['header', 'query']), name: z.string(), prefix: z.string() }).optional(),
  owner: z.enum(['request', 'key', 'gateway', 'folder', 'engine']),
});
export type FixEdit = z.infer<typeof FixEditSchema>;

/** What a family read from the evidence without sending anything (the clock's skew, a token's claims). */
export const FindingSchema = z.object({
  id: z.string(),
  family: z.string(),
  step: ChecklistStepSchema,
  state: z.enum(['pass', 'fail', 'unknown']),
  text: z.string(),
  cause: CauseIdSchema.optional(),
  ask: z.string().optional(),
});

/** `clearance diagnose --json` and the app's Troubleshoot panel read this one shape. */
export const DiagnosisSchema = z.object({
  /** `body`: the answer's first 2,000 characters, secrets redacted (the report quotes it) */
  baseline: z.object({ status: z.number().int(), headers: z.array(z.tuple([z.string(), z.string()])), method: z.string(), url: z.string(), body: z.string().optional() }),
  explanation: ExplanationSchema,
  cause: CauseIdSchema,
  candidates: z.array(CandidateSchema),
  conclusion: z.string(),
  probes: z.array(ProbeResultSchema),
  /** the change that turned the refusal into a 2xx, confirmed; `curl` runs as printed (it carries the credentials) */
  fix: z.object({ change: z.string(), status: z.number().int(), curl: z.string(), probe: z.string(), edits: z.array(FixEditSchema).optional() }).nullable(),
  ask: z.string().optional(),
  checklist: z.array(CheckItemSchema),
  findings: z.array(FindingSchema).optional(),
  /** what the probes could not show: no answer, only a rate limiter, flapping answers, probes left unsent */
  unlearned: z.array(z.string()).optional(),
  budget: z.object({ max: z.number().int(), used: z.number().int() }),
  stopped: z.enum(['fixed', 'budget', 'cancelled', 'exhausted', 'not-refused', 'unreachable', 'rate-limited']).optional(),
});
export type DiagnosisData = z.infer<typeof DiagnosisSchema>;

/** What to diagnose: a workspace request (the tab's unsaved edits in `request`) or a scratch request. */
export const DiagnoseSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), dir: z.string().min(1), path: z.string().min(1), request: RequestFileSchema.optional() }),
  z.object({ kind: z.literal('spec'), request: RequestSpecSchema, options: SendOptionsSchema.partial().optional(), dir: z.string().min(1).optional() }),
]);

const ProfileChoice = z.string().min(1).max(100);

export const DiagnoseArgsSchema = z.object({
  source: DiagnoseSourceSchema,
  env: z.string().optional(),
  key: ProfileChoice.optional(),
  gateway: ProfileChoice.optional(),
  /** also re-send the request's own unsafe method */
  allowUnsafe: z.boolean().optional(),
  maxProbes: z.number().int().min(1).max(200).optional(),
  /** names this run for diagnosis.stop and its diagnosis.onProbe events */
  runId: z.string().min(1).max(100),
  /** the response the window already shows: it is the baseline, not sent again */
  response: ResponseRecordSchema.optional(),
});

/** Whose checklist ticks: a workspace request (by the workspace's stable id and the file's path) or a scratch request (method and URL, query left out). */
export const CheckTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), workspace: z.string().min(1).max(200), path: z.string().min(1).max(1000) }),
  z.object({ kind: z.literal('scratch'), method: z.string().min(1).max(20), url: z.string().min(1).max(4000) }),
]);
export type CheckTarget = z.infer<typeof CheckTargetSchema>;
const CheckTicks = z.object({ done: z.array(z.string()) });

/** A request that works, to compare with: a pasted curl (a browser's "Copy as cURL"), a HAR log (`entry`: 1 = the first; default: a 2xx entry for the same path), or a history entry that succeeded. */
export const WorkingRequestSchema = z.union([
  z.object({ curl: z.string().min(1).max(1_000_000) }),
  z.object({ har: z.string().min(1).max(100_000_000), entry: z.number().int().min(1).optional() }),
  z.object({ historyId: z.string().min(1).max(200) }),
]);

/** One difference between what the user's request and the working one put on the wire (values shown redacted: a credential shortened). */
export const DifferenceSchema = z.object({
  id: z.string(),
  kind: z.enum(['origin', 'method', 'path', 'param', 'header', 'header-case', 'header-order', 'cookie', 'body', 'http-version']),
  name: z.string().optional(),
  /** null: not sent by that side */
  user: z.string().nullable(),
  working: z.string().nullable(),
  /** the working value was redacted where it was recorded (history): unknown, never sent */
  unknown: z.boolean().optional(),
  note: z.string().optional(),
  /** false: listed, never sent by the bisection; `why` says why (another origin, a spoofing header, an unsafe method, unknown) */
  applicable: z.boolean(),
  why: z.string().optional(),
});

/** diagnosis.compare and `clearance diagnose --compare --json` (under `compare`). */
export const ComparisonSchema = z.object({
  working: z.object({ from: z.enum(['request', 'curl', 'har', 'history']), method: z.string(), url: z.string(), status: z.number().int().nullable(),
    entry: z.number().int().optional(), notes: z.array(z.string()) }),
  /** compare-only: nothing was sent (the working request goes to another origin, or an unsafe method without permission) */
  mode: z.enum(['bisect', 'compare-only']),
  reason: z.string().optional(),
  baseline: z.object({ status: z.number().int().nullable() }),
  differences: z.array(DifferenceSchema),
  /** ids of differences whose working value is unknown */
  unknown: z.array(z.string()),
  /** ids of the smallest set of differences that turns the refusal into a 2xx */
  minimal: z.array(z.string()).nullable(),
  /** false: the budget ran out before the set was proven the smallest */
  smallest: z.boolean().optional(),
  /** the user's request with the minimal set applied, as a curl that runs as printed (it carries the credentials) */
  fix: z.object({ change: z.string(), status: z.number().int(), curl: z.string(), probe: z.string() }).nullable(),
  probes: z.array(ProbeResultSchema),
  budget: z.object({ max: z.number().int(), used: z.number().int() }),
  conclusion: z.string(),
});
export type ComparisonData = z.infer<typeof ComparisonSchema>;

export const CompareArgsSchema = DiagnoseArgsSchema.pick({ source: true, env: true, key: true, gateway: true, allowUnsafe: true, runId: true, response: true }).extend({
  working: WorkingRequestSchema,
  /** at most this many sends, the user's own first included (default 20) */
  maxSends: z.number().int().min(2).max(60).optional(),
});

export const ReportArgsSchema = z.object({ diagnosis: DiagnosisSchema, compare: ComparisonSchema.optional(), format: z.enum(['markdown', 'html']) });

export const diagnosisContract = defineService({
  service: 'diagnosis',
  methods: {
    /** sends (or takes) the baseline, probes safe variants, concludes; probes stream as diagnosis.onProbe */
    run: { channel: 'diagnosis.run', args: DiagnoseArgsSchema, result: DiagnosisSchema },
    /** stops a run: the probe in flight is aborted and the run concludes with what it has */
    stop: { channel: 'diagnosis.stop', args: z.object({ runId: z.string().min(1).max(100) }), result: z.object({ stopped: z.boolean() }) },
    /** diffs the request with one that works, then bisects the differences to the smallest set that flips it; sends stream as diagnosis.onProbe */
    compare: { channel: 'diagnosis.compare', args: CompareArgsSchema, result: ComparisonSchema },
    /** a report to hand to whoever runs the gateway: Markdown or one self-contained HTML file, secrets redacted */
    report: { channel: 'diagnosis.report', args: ReportArgsSchema, result: z.object({ text: z.string() }) },
    /** the checklist items the user ticked for this request (kept in the app's data folder, never in the request file) */
    checks: { channel: 'diagnosis.checks', args: z.object({ target: CheckTargetSchema }), result: CheckTicks },
    /** ticks or unticks one item; answers the request's ticks after the write */
    setCheck: { channel: 'diagnosis.setCheck', args: z.object({ target: CheckTargetSchema, id: z.string().min(1).max(100), done: z.boolean() }), result: CheckTicks },
  },
  events: {
    onProbe: { channel: 'diagnosis.onProbe', payload: z.object({ runId: z.string(), probe: ProbeResultSchema }) },
  },
});
