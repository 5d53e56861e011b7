// Priors: the causes a kind of layer usually means, ranked when the evidence is thin (the verdict's
// confidence is below 0.5 or its cause is `other`). They are ranked below every candidate that has
// evidence of its own, with low scores, and lead only when nothing but the status spoke and the
// layer is known (a known object store's unexplained 403 is more likely a permission than nothing).
import type { CauseHit, CauseId, Ctx, Producer, WeightedEvidence } from './types';

export interface RankedCause {
  cause: CauseId;
  confidence: number;
  v: { conf: number; n: number; best: CauseHit; evidence: WeightedEvidence[] };
}

type Layer = Producer['kind'] | NonNullable<Producer['role']> | 'unknown' | 'unknown-api' | 'unknown-page';

/** Per layer: the usual causes of its refusals, most common first, and why. */
const LAYER_PRIORS: Record<Layer, { causes: CauseId[]; what: string }> = {
  'cdn-waf': { causes: ['waf-or-bot-block', 'ip-or-geo-blocked', 'rate-limited'], what: 'a CDN, WAF or bot manager' },
  'cloud-storage': { causes: ['insufficient-permissions', 'resource-policy-deny', 'signature-or-clock-skew'], what: 'an object store' },
  'forward-proxy': { causes: ['proxy-denied', 'ip-or-geo-blocked'], what: 'a forward proxy or web filter' },
  proxy: { causes: ['ip-or-geo-blocked', 'insufficient-permissions', 'method-or-path-blocked'], what: 'a reverse proxy or service mesh' },
  gateway: { causes: ['invalid-credentials', 'missing-credentials', 'insufficient-permissions', 'resource-policy-deny'], what: 'an API gateway' },
  'web-server': { causes: ['directory-listing-or-filesystem', 'ip-or-geo-blocked', 'waf-or-bot-block'], what: 'a web server' },
  'identity-provider': { causes: ['invalid-credentials', 'account-or-plan-restriction', 'insufficient-permissions'], what: 'an identity provider' },
  'saas-api': { causes: ['insufficient-permissions', 'invalid-credentials', 'account-or-plan-restriction'], what: 'a vendor API' },
  framework: { causes: ['insufficient-permissions', 'csrf', 'missing-credentials'], what: 'an application framework' },
  orchestrator: { causes: ['insufficient-permissions', 'invalid-credentials', 'missing-credentials'], what: 'a cluster API' },
  unknown: { causes: ['insufficient-permissions', 'ip-or-geo-blocked', 'waf-or-bot-block'], what: 'an unidentified layer' },
  // No layer named, told apart by what it answered (leave-one-layer-out, 1,900 corpus refusals: of the 403s that
  // say nothing more, the ones with a JSON or text body were mostly a missing permission, a refused credential or a
  // resource's policy; the HTML pages mostly a WAF or bot check, an address or country block, a web filter).
  'unknown-api': { causes: ['insufficient-permissions', 'invalid-credentials', 'resource-policy-deny'], what: 'an unidentified API' },
  'unknown-page': { causes: ['waf-or-bot-block', 'ip-or-geo-blocked', 'proxy-denied', 'insufficient-permissions'], what: 'an unidentified layer\'s page' },
};

/** A caller that sent no credential at all: an anonymous principal, or a layer asking for one. */
const ANONYMOUS = /\banonymous\b|system:anonymous/i;
const ASKS_FOR_CREDENTIALS = /\b(log ?in|sign ?in|authenticat\w*|unauthori[sz]ed|api[ _-]?key|access[ _-]?token|credentials?)\b/i;

function layerOf(producer: Producer | null, ctx: Ctx): Layer {
  if (producer) return producer.role ?? producer.kind;
  if (ctx.isHtml) return 'unknown-page';
  return ctx.body.trim() ? 'unknown-api' : 'unknown';
}

/** The prior causes for this layer and status, in order, with the evidence-led additions. */
export function priorCauses(producer: Producer | null, ctx: Ctx): CauseId[] {
  const layer = layerOf(producer, ctx);
  const list = [...LAYER_PRIORS[layer].causes];
  if (ctx.status === 401) list.unshift('missing-credentials', 'invalid-credentials');
  if (ctx.status === 407) list.unshift('proxy-denied');
  if (ctx.status === 429) list.unshift('rate-limited');
  // an object store answers anonymous callers with the same 403 as underprivileged ones
  if (layer === 'cloud-storage' && ANONYMOUS.test(ctx.body)) list.unshift('missing-credentials');
  else if (layer.startsWith('unknown') && (ctx.headers.has('www-authenticate') || ASKS_FOR_CREDENTIALS.test(ctx.body))) list.push('missing-credentials');
  return [...new Set(list)];
}

const backed = (r: RankedCause): boolean => r.v.evidence.some((e) => e.where !== 'status');
const round = (n: number): number => Math.round(n * 100) / 100;

/** Highest score a prior gets: below the evidence that 0.5 needs, above a bare status's `other`. */
const PRIOR_TOP = 0.3;

function priorHit(cause: CauseId, producer: Producer | null, ctx: Ctx): RankedCause['v'] {
  const layer = layerOf(producer, ctx);
  const what = LAYER_PRIORS[layer].what;
  const best: CauseHit = {
    cause,
    confidence: PRIOR_TOP,
    evidence: [{ where: 'status', text: String(ctx.status) }],
    why: `nothing in the response names the reason; this is a usual cause of a ${ctx.status} from ${what}`,
    source: `prior.${layer}`,
  };
  return { conf: PRIOR_TOP, n: 0, best, evidence: [...best.evidence] };
}

/**
 * Re-rank thin verdicts: the head stays unless it is a status-only `other` of a known layer; then
 * every candidate with evidence, then the layer's priors, then what the status alone suggested.
 * Scores never rise down the list.
 */
export function withPriors(ranked: RankedCause[], producer: Producer | null, ctx: Ctx): RankedCause[] {
  const head = ranked[0];
  if (head && head.confidence >= 0.5 && head.cause !== 'other') return ranked;
  const priors = priorCauses(producer, ctx);
  const statusOnly = ranked.filter((r) => !backed(r));
  const evidenced = ranked.filter(backed);
  const priorEntries = priors
    .filter((cause) => !evidenced.some((r) => r.cause === cause))
    .map((cause, i): RankedCause => {
      const score = round(PRIOR_TOP - 0.02 * i);
      const seen = statusOnly.find((r) => r.cause === cause);
      return seen ? { ...seen, confidence: Math.max(seen.confidence, score) } : { cause, confidence: score, v: priorHit(cause, producer, ctx) };
    });
  const rest = statusOnly.filter((r) => !priors.includes(r.cause));
  const leadByPrior = producer !== null && head !== undefined && head.cause === 'other' && !backed(head) && evidenced.length === 0;
  const order: RankedCause[] = leadByPrior
    ? [...priorEntries, ...rest]
    : [...(head ? [head] : []), ...[...evidenced, ...priorEntries, ...rest].filter((r) => r.cause !== head?.cause)];
  let ceiling = leadByPrior ? PRIOR_TOP : 1;
  return order.map((r, i) => {
    const confidence = i === 0 && !leadByPrior ? r.confidence : round(Math.max(0.01, Math.min(r.confidence, ceiling)));
    ceiling = confidence - 0.01;
    return confidence === r.confidence ? r : { ...r, confidence };
  });
}
