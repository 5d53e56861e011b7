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

/** `clearance diagnose --json` and the app's Troubleshoot panel read this one shape. */
export const DiagnosisSchema = z.object({
  baseline: z.object({ status: z.number().int(), headers: z.array(z.tuple([z.string(), z.string()])), method: z.string(), url: z.string() }),
  explanation: ExplanationSchema,
  cause: CauseIdSchema,
  candidates: z.array(CandidateSchema),
  conclusion: z.string(),
  probes: z.array(ProbeResultSchema),
  /** the change that turned the refusal into a 2xx, confirmed; `curl` runs as printed (it carries the credentials) */
  fix: z.object({ change: z.string(), status: z.number().int(), curl: z.string(), probe: z.string() }).nullable(),
  ask: z.string().optional(),
  checklist: z.array(CheckItemSchema),
  budget: z.object({ max: z.number().int(), used: z.number().int() }),
  stopped: z.enum(['fixed', 'budget', 'cancelled', 'exhausted', 'not-refused']).optional(),
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

export const diagnosisContract = defineService({
  service: 'diagnosis',
  methods: {
    /** sends (or takes) the baseline, probes safe variants, concludes; probes stream as diagnosis.onProbe */
    run: { channel: 'diagnosis.run', args: DiagnoseArgsSchema, result: DiagnosisSchema },
    /** stops a run: the probe in flight is aborted and the run concludes with what it has */
    stop: { channel: 'diagnosis.stop', args: z.object({ runId: z.string().min(1).max(100) }), result: z.object({ stopped: z.boolean() }) },
  },
  events: {
    onProbe: { channel: 'diagnosis.onProbe', payload: z.object({ runId: z.string(), probe: ProbeResultSchema }) },
  },
});
