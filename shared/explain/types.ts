import { z } from 'zod';
import type { BodyView } from './body-view';

export const CAUSE_IDS = [
  'missing-credentials',
  'invalid-credentials',
  'insufficient-permissions',
  'ip-or-geo-blocked',
  'waf-or-bot-block',
  'rate-limited',
  'csrf',
  'signature-or-clock-skew',
  'resource-policy-deny',
  'method-or-path-blocked',
  'account-or-plan-restriction',
  'directory-listing-or-filesystem',
  'proxy-denied',
  'other',
  'none',
] as const;
export const CauseIdSchema = z.enum(CAUSE_IDS);
export type CauseId = z.infer<typeof CauseIdSchema>;

export const PRODUCER_KINDS = [
  'cdn-waf', 'gateway', 'proxy', 'web-server', 'framework', 'saas-api', 'cloud-storage', 'orchestrator',
] as const;
export const ProducerKindSchema = z.enum(PRODUCER_KINDS);
export type ProducerKind = z.infer<typeof ProducerKindSchema>;

/** A narrower role inside a kind where the usual causes differ (a forward proxy vs a reverse one). */
export type ProducerRole = 'forward-proxy' | 'identity-provider';

export const EvidenceSchema = z.object({
  where: z.enum(['status', 'header', 'body']),
  name: z.string().optional(),
  /** Text that really occurs in the response: a header value (or part of it), or a substring of the body. */
  text: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * How the producer was identified: `response` — one of its own rules matched what the layer sent (its headers, its
 * body); `vendor-mark` — only a mark of its vendor (a docs host, a header prefix, a code shape) while no rule matched;
 * `host` — nothing in the response named a layer, only the request's host (an API's own domain). The last two are
 * guesses: their rules count for less and never make a refusal by themselves.
 */
export const NamedBySchema = z.enum(['response', 'vendor-mark', 'host']);
export type NamedBy = z.infer<typeof NamedBySchema>;

export const ProducerRefSchema = z.object({ id: z.string(), kind: ProducerKindSchema, name: z.string(), namedBy: NamedBySchema });
export type ProducerRef = z.infer<typeof ProducerRefSchema>;

export const CandidateSchema = z.object({ cause: CauseIdSchema, confidence: z.number().min(0).max(1) });
export type Candidate = z.infer<typeof CandidateSchema>;

export const CHECKLIST_STEP_IDS = ['auth', 'server', 'gateway', 'logging'] as const;
export const ChecklistStepSchema = z.enum(CHECKLIST_STEP_IDS);
export type ChecklistStep = z.infer<typeof ChecklistStepSchema>;

/**
 * Why the layer refused, as data. `id` names where the sentence comes from:
 * `<producer-id>/<cause>` (a rule of that producer's fingerprint), `signal.<name>/<cause>` (a
 * standard or generic signal such as `signal.www-authenticate`), `status.<code>/<cause>` (the
 * status alone), or `not-a-refusal`. `text` is one sentence, capitalised, ending in a full stop.
 */
export const ReasonSchema = z.object({ id: z.string(), text: z.string() });
export type Reason = z.infer<typeof ReasonSchema>;

/** Another plausible cause, with what points at it and what to do if it is the one. */
export const AlternativeSchema = z.object({
  cause: CauseIdSchema,
  confidence: z.number().min(0).max(1),
  reason: ReasonSchema,
  /** the same sentence as `reason.text` */
  why: z.string(),
  evidence: z.array(EvidenceSchema),
  fix: z.string(),
});
export type Alternative = z.infer<typeof AlternativeSchema>;

/** One checklist item: `checklist[i]` is these fields joined into a line. */
export const ChecklistItemSchema = z.object({
  /** 1-based position */
  step: z.number().int().min(1),
  id: ChecklistStepSchema,
  /** "Verify permissions and authentication" */
  title: z.string(),
  text: z.string(),
  /** what to check on the producer that answered (its name is `producer.name`) */
  producerTip: z.string().optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** One entry of `clearance explain --json`; the shape is a contract, documented in docs/cli.md. */
export const ExplanationSchema = z.object({
  status: z.number().int(),
  blocked: z.boolean(),
  producer: ProducerRefSchema.nullable(),
  cause: CauseIdSchema,
  confidence: z.number().min(0).max(1),
  candidates: z.array(CandidateSchema).min(1),
  evidence: z.array(EvidenceSchema),
  /** the whole verdict as one paragraph (layer, reason, relay, other causes) */
  why: z.string(),
  fix: z.string(),
  /** `steps` as lines, for readers of the first version of this shape */
  checklist: z.array(z.string()),
  relay: z.string().optional(),
  reason: ReasonSchema,
  /** candidates after the first, each with its own reason, evidence and fix */
  alternatives: z.array(AlternativeSchema),
  steps: z.array(ChecklistItemSchema),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

export interface ExplainInput {
  status: number;
  headers: Array<[string, string]> | Record<string, string | string[]>;
  body?: string;
  /** The request's URL (or host), where known: names the service only when the response names no layer (host-hint.ts). */
  url?: string;
}

/** Evidence with an internal weight used to rank producers; stripped from the output. */
export interface WeightedEvidence extends Evidence {
  /** 3 = the layer wrote this response (own page, own error header); 1 = it merely sits on the path. */
  weight?: number;
}

/** What the matchers see: built once per response. */
export interface Ctx {
  status: number;
  /** lower-case header name -> values in arrival order */
  headers: Map<string, string[]>;
  /** the body, capped for scanning (case-insensitive precompiled regexes run on it directly, so evidence is the exact text) */
  body: string;
  isHtml: boolean;
  isJson: boolean;
  /** the parsed JSON body, when it parses; else the envelope recovered from a printed or cut body */
  json: unknown;
  /** the body rewritten in JSON's spelling (a Python repr, escaped or print_r'd envelope), when it differs */
  view: BodyView | null;
  /** the visible text: an HTML body with its markup stripped and entities decoded, else the body itself */
  text: string;
  /** visible text length of an HTML body (markup stripped) */
  textLength: number;
}

export interface StatusDefault { cause: CauseId; confidence: number; why?: string; }

export interface CauseHit {
  cause: CauseId;
  confidence: number;
  evidence: WeightedEvidence[];
  why?: string;
  fix?: string;
  /** the reason id prefix: a producer id, `signal.<name>` or `status.<code>` */
  source: string;
}

/** A cause rule: when `when` yields evidence, the cause is plausible with this confidence. */
export interface CauseRule {
  cause: CauseId;
  confidence: number;
  when: (ctx: Ctx) => WeightedEvidence[] | null;
  why?: string;
  fix?: string;
  /** this rule alone marks a non-403-family status (200 block page, 400 vendor auth code) as a refusal */
  blocks?: boolean;
  /** the match is a fixed page template: generic word rules say nothing more and are skipped */
  template?: boolean;
  /** a generic rule that reads words of the body (skipped for fixed templates) */
  words?: boolean;
  /** which signal family a generic rule belongs to (`www-authenticate`…): the reason id names it */
  signal?: string;
}

export interface Producer {
  id: string;
  kind: ProducerKind;
  name: string;
  match: (ctx: Ctx) => WeightedEvidence[] | null;
  causes: CauseRule[];
  /** layers this producer is built on (Supabase runs Kong): when both match, this one wrote the response */
  overrides?: string[];
  /** producers of one family (e.g. envoy and istio) never name each other as the relay */
  family?: string;
  /** a narrower role than `kind`: picks the causes ranked when the evidence is thin (priors.ts) */
  role?: ProducerRole;
  /** producer-tailored checklist hints, one per step */
  checklist?: Partial<Record<ChecklistStep, string>>;
}
