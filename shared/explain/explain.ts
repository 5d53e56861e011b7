import { CAUSES, CHECKLIST_STEPS } from './causes';
import { buildContext } from './context';
import { ARTICLE_TEXT } from './producers/define';
import { PRODUCERS } from './producers/index';
import { GENERIC_RULES, STATUS_DEFAULTS } from './signals/index';
import type {
  CauseHit, CauseId, CauseRule, Ctx, Evidence, ExplainInput, Explanation, Producer, WeightedEvidence,
} from './types';

/** Statuses that are refusals whatever the body says. */
const REFUSAL_STATUSES = new Set([401, 403, 407, 429, 451]);
const INFRA_KINDS = new Set(['cdn-waf', 'gateway', 'proxy', 'web-server']);

interface ProducerMatch { producer: Producer; evidence: WeightedEvidence[]; score: number; own: boolean; }

function matchProducers(ctx: Ctx): ProducerMatch[] {
  const out: ProducerMatch[] = [];
  for (const producer of PRODUCERS) {
    const evidence = producer.match(ctx);
    if (!evidence || evidence.length === 0) continue;
    let score = 0;
    let own = false;
    for (const ev of evidence) {
      const w = ev.weight ?? 1;
      score += w;
      if (w >= 3) own = true;
    }
    out.push({ producer, evidence, score, own });
  }
  // stable: equal scores keep registry order (more specific producers are listed first)
  out.sort((a, b) => b.score - a.score);
  const top = out[0];
  const over = top && out.find((m) => m.own && m.producer.overrides?.includes(top.producer.id));
  if (over) {
    out.splice(out.indexOf(over), 1);
    out.unshift(over);
  }
  return out;
}

function foreignBody(ctx: Ctx): boolean {
  return ctx.isJson || (ctx.isHtml ? ctx.textLength > 120 : ctx.body.trim().length > 60);
}

function runRules(rules: CauseRule[], ctx: Ctx, hits: CauseHit[], blocks: { value: boolean }): boolean {
  let template = false;
  for (const rule of rules) {
    const evidence = rule.when(ctx);
    if (!evidence) continue;
    hits.push({ cause: rule.cause, confidence: rule.confidence, evidence, why: rule.why, fix: rule.fix });
    // a refusal look-alike on a success status must be a short page (a long article only talks about refusals)
    if (rule.blocks && (ctx.status >= 400 || ctx.textLength < ARTICLE_TEXT)) blocks.value = true;
    if (rule.template) template = true;
  }
  return template;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function dedupeEvidence(list: WeightedEvidence[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const ev of list) {
    if (!ev.text) continue;
    const key = `${ev.where}|${ev.name ?? ''}|${ev.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ev.name ? { where: ev.where, name: ev.name, text: ev.text } : { where: ev.where, text: ev.text });
  }
  return out;
}

function buildChecklist(cause: CauseId, producer: Producer | null): string[] {
  const info = CAUSES[cause];
  return CHECKLIST_STEPS.map(([step, title]) => {
    const tailored = producer?.checklist?.[step];
    return `${title}: ${info.checklist[step]}${tailored ? ` ${producer?.name}: ${tailored}` : ''}`;
  });
}

export function explain(input: ExplainInput): Explanation {
  const ctx = buildContext(input);
  const matches = matchProducers(ctx);
  let top: ProducerMatch | null = matches[0] ?? null;
  let relay: ProducerMatch | null = null;

  if (top && !top.own && foreignBody(ctx)) {
    // only path-presence signals (Server, Via, a request id) while the body is someone else's words
    relay = top;
    top = null;
  } else if (top) {
    const chosen = top;
    relay = matches.find((m) => m !== chosen && INFRA_KINDS.has(m.producer.kind)
      && (m.producer.family ?? m.producer.id) !== (chosen.producer.family ?? chosen.producer.id)) ?? null;
  }
  const producer = top?.producer ?? null;

  const hits: CauseHit[] = [];
  const blocks = { value: false };
  const template = producer ? runRules(producer.causes, ctx, hits, blocks) : false;
  runRules(GENERIC_RULES.filter((r) => !(template && r.words)), ctx, hits, blocks);

  const blocked = REFUSAL_STATUSES.has(ctx.status) || blocks.value;
  const producerRef = producer ? { id: producer.id, kind: producer.kind, name: producer.name } : null;
  const relayName = relay ? relay.producer.name : undefined;
  const producerEvidence = top?.evidence ?? [];

  if (!blocked) {
    const confidence = ctx.status >= 200 && ctx.status < 400 ? 0.95 : 0.85;
    const evidence = dedupeEvidence([{ where: 'status', text: String(ctx.status) }, ...producerEvidence]);
    return withRelay({
      status: ctx.status,
      blocked: false,
      producer: producerRef,
      cause: 'none',
      confidence,
      candidates: [{ cause: 'none', confidence }],
      evidence,
      why: `Status ${ctx.status} is not a refusal${producer ? ` (answered by ${producer.name})` : ''} and nothing in the headers or body says the request was denied.`,
      fix: CAUSES.none.fix,
      checklist: buildChecklist('none', producer),
    }, relayName);
  }

  for (const d of STATUS_DEFAULTS[ctx.status] ?? STATUS_DEFAULTS[0] ?? []) {
    hits.push({ cause: d.cause, confidence: d.confidence, evidence: [{ where: 'status', text: String(ctx.status) }], why: d.why });
  }

  // combine: best hit per cause, small boost for independent corroboration
  const byCause = new Map<CauseId, { conf: number; n: number; best: CauseHit; evidence: WeightedEvidence[] }>();
  for (const hit of hits) {
    if (hit.cause === 'none') continue;
    const cur = byCause.get(hit.cause);
    const corroborates = hit.confidence >= 0.3 && hit.evidence.some((e) => e.where !== 'status');
    if (!cur) byCause.set(hit.cause, { conf: hit.confidence, n: corroborates ? 1 : 0, best: hit, evidence: [...hit.evidence] });
    else {
      if (corroborates) cur.n += 1;
      cur.evidence.push(...hit.evidence);
      if (hit.confidence > cur.best.confidence) cur.best = hit;
      cur.conf = Math.max(cur.conf, hit.confidence);
    }
  }
  const ranked = [...byCause.entries()]
    .map(([cause, v]) => ({ cause, confidence: Math.min(0.98, v.conf + (v.n > 1 ? 0.03 * Math.min(v.n - 1, 2) : 0)), v }))
    .sort((a, b) => b.confidence - a.confidence);
  const first = ranked[0];
  const cause: CauseId = first?.cause ?? 'other';
  const best = first?.v.best;
  const confidence = round(first?.confidence ?? 0.2);
  const candidates = ranked.map((r) => ({ cause: r.cause, confidence: round(r.confidence) }));
  if (candidates.length === 0) candidates.push({ cause, confidence });

  const evidence = dedupeEvidence([
    ...(first?.v.evidence.filter((e) => e.where !== 'status') ?? []),
    ...producerEvidence,
    { where: 'status', text: String(ctx.status) },
  ]);
  const info = CAUSES[cause];
  const layer = producer ? `${producer.name} (${producer.kind})` : 'an unidentified layer';
  const others = candidates.slice(1, 4).map((c) => c.cause);
  let why = `${layer} refused the request with status ${ctx.status}: ${best?.why ?? info.meaning}.`;
  if (relayName) why += producer ? ` ${relayName} sits in front and relayed this response unchanged.` : ` The response passed through ${relayName}, which did not write the body.`;
  if (others.length) why += ` Also plausible: ${others.join(', ')}.`;

  return withRelay({
    status: ctx.status,
    blocked: true,
    producer: producerRef,
    cause,
    confidence,
    candidates,
    evidence,
    why,
    fix: best?.fix ?? info.fix,
    checklist: buildChecklist(cause, producer),
  }, relayName);
}

function withRelay(e: Explanation, relay: string | undefined): Explanation {
  return relay ? { ...e, relay } : e;
}
