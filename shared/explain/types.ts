import { z } from 'zod';

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

export const EvidenceSchema = z.object({
  where: z.enum(['status', 'header', 'body']),
  name: z.string().optional(),
  /** Text that really occurs in the response: a header value (or part of it), or a substring of the body. */
  text: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ProducerRefSchema = z.object({ id: z.string(), kind: ProducerKindSchema, name: z.string() });
export type ProducerRef = z.infer<typeof ProducerRefSchema>;

export const CandidateSchema = z.object({ cause: CauseIdSchema, confidence: z.number().min(0).max(1) });
export type Candidate = z.infer<typeof CandidateSchema>;

/** One entry of `clearance explain --json` (PRODUCT.md). */
export const ExplanationSchema = z.object({
  status: z.number().int(),
  blocked: z.boolean(),
  producer: ProducerRefSchema.nullable(),
  cause: CauseIdSchema,
  confidence: z.number().min(0).max(1),
  candidates: z.array(CandidateSchema).min(1),
  evidence: z.array(EvidenceSchema),
  why: z.string(),
  fix: z.string(),
  checklist: z.array(z.string()),
  relay: z.string().optional(),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

export interface ExplainInput {
  status: number;
  headers: Array<[string, string]> | Record<string, string | string[]>;
  body?: string;
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
  /** the parsed JSON body, when it parses */
  json: unknown;
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
}

export type ChecklistStep = 'auth' | 'server' | 'gateway' | 'logging';

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
  /** producer-tailored checklist hints, one per step */
  checklist?: Partial<Record<ChecklistStep, string>>;
}
