import { condOf, Subject } from './anchor-index';
import { builtTableSeeded } from './anchor-table';
import { CondTable } from './cond-table';
import { CAUSES } from './causes';
import { checklistLine, checklistSteps } from './checklist';
import { buildContext } from './context';
import { ARTICLE_TEXT, BODY_ONLY_FACTOR, BODY_ONLY_WEIGHT } from './producers/define';
import { PRODUCERS } from './producers/index';
import { withPriors } from './priors';
import { isRefusalStatus, mayBeRefusal } from './refusal';
import { GENERIC_RULES, STATUS_DEFAULTS } from './signals/index';
import { stockPageMessage } from './signals/stock-page';
import { hostOf, producerForHost } from './host-hint';
import { vendorMark } from './vendor-mark-scan';
import type {
  Alternative, CauseHit, CauseId, CauseRule, Ctx, Evidence, ExplainInput, Explanation, NamedBy, Producer, Reason, WeightedEvidence,
} from './types';
// the runner's shortcut for responses that are surely not refusals, in the explainer's chunk
export { mayBeBlocked } from './may-block';

const INFRA_KINDS = new Set(['cdn-waf', 'gateway', 'proxy', 'web-server']);
/** Kinds that answer as the origin: a 407 asks for a proxy's credentials (RFC 9110), never theirs. */
const ORIGIN_KINDS = new Set(['saas-api', 'cloud-storage', 'framework', 'orchestrator']);

/** Whether this producer could have written the response at all. */
function couldAnswer(ctx: Ctx, producer: Producer): boolean {
  return ctx.status !== 407 || !ORIGIN_KINDS.has(producer.kind);
}
/** A producer named by a vendor mark only (vendor-mark-scan.ts): its cause rules' confidence is scaled by this. */
const MARK_FACTOR = 0.8;

interface ProducerMatch { producer: Producer; evidence: WeightedEvidence[]; score: number; own: boolean; bodyOnly: boolean; }

// The index's conditions of a list of matchers (every producer's, one list of rules), made on first use.
const tables = new WeakMap<readonly object[], CondTable>();

function tableOf<T extends object>(list: readonly T[], matcher: (item: T) => object): CondTable {
  let table = tables.get(list);
  if (!table) tables.set(list, (table = new CondTable(list.map((item) => condOf(matcher(item))))));
  return table;
}

/** Producer ids to treat as unregistered (unseen-layer.test.ts: how the explainer does on a layer it has no entry for). */
type Unseen = ReadonlySet<string> | undefined;

function matchProducers(ctx: Ctx, subject: Subject | null, unseen: Unseen): ProducerMatch[] {
  const out: ProducerMatch[] = [];
  // the index: a producer whose anchor is not in the response cannot match it
  const held = subject && tableOf(PRODUCERS, (p) => p.match).holding(subject);
  for (let i = 0; i < PRODUCERS.length; i++) {
    const producer = PRODUCERS[i]!;
    if ((held && held[i] === 0) || !couldAnswer(ctx, producer) || unseen?.has(producer.id)) continue;
    const evidence = producer.match(ctx);
    if (!evidence || evidence.length === 0) continue;
    let score = 0;
    let own = false;
    let strong = false;
    for (const ev of evidence) {
      const w = ev.weight ?? 1;
      score += w;
      if (w >= BODY_ONLY_WEIGHT) own = true;
      if (w > BODY_ONLY_WEIGHT) strong = true;
    }
    out.push({ producer, evidence, score, own, bodyOnly: own && !strong });
  }
  // a layer whose own words or format are in the response outranks layers merely on the path;
  // stable: equal scores keep registry order (more specific producers are listed first)
  out.sort((a, b) => Number(b.own) - Number(a.own) || b.score - a.score);
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

interface RuleRun { ctx: Ctx; subject: Subject | null; hits: CauseHit[]; blocks: { value: boolean }; }

function runRules(rules: readonly CauseRule[], run: RuleRun, owner?: string, factor = 1, skip?: (rule: CauseRule) => boolean): boolean {
  const { ctx, hits, blocks, subject } = run;
  let template = false;
  const held = subject && tableOf(rules, (r) => r.when).holding(subject);
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if ((held && held[i] === 0) || skip?.(rule)) continue;
    const evidence = rule.when(ctx);
    if (!evidence) continue;
    const source = owner ?? `signal.${rule.signal ?? 'generic'}`;
    hits.push({ cause: rule.cause, confidence: rule.confidence * factor, evidence, why: rule.why, fix: rule.fix, source });
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
  // a quote inside a longer quote of the same place says nothing more ("Invalid API-key" beside the whole sentence)
  return out.filter((ev, i) => !out.some((o, j) => j !== i && o.where === ev.where && o.name === ev.name
    && o.text.length > ev.text.length && o.text.includes(ev.text)));
}

// Producers whose names are written in lower case (nginx, lighttpd): a sentence may start with them as they are.
const LOWER_CASE_NAMES = PRODUCERS.map((p) => p.name).filter((n) => n.charAt(0) !== n.charAt(0).toUpperCase());

/** A rule's fragment ("the ACL plugin refused this consumer") as a sentence of its own. */
function sentence(text: string): string {
  const t = text.trim();
  const capital = LOWER_CASE_NAMES.some((n) => t.startsWith(n)) ? t : t.charAt(0).toUpperCase() + t.slice(1);
  return ['.', '!', '?'].includes(capital.slice(-1)) ? capital : `${capital}.`;
}

function reasonOf(cause: CauseId, best: CauseHit | undefined): Reason {
  return { id: `${best?.source ?? 'status.none'}/${cause}`, text: sentence(best?.why ?? CAUSES[cause].meaning) };
}

/** The data fields, with the checklist lines derived from the records so both say the same. */
function structured(cause: CauseId, producer: Producer | null, reason: Reason, alternatives: Alternative[]): Pick<Explanation, 'checklist' | 'reason' | 'alternatives' | 'steps'> {
  const steps = checklistSteps(cause, producer);
  return { checklist: steps.map((item) => checklistLine(item, producer?.name ?? null)), reason, alternatives, steps };
}

// Compiling the index from the registry (every producer's regular expressions, once) costs ~40 ms
// in a cold process and saves ~0.08 ms per warm response: without the built table (anchor-table.ts:
// tests, tsx) a process uses it only after this many explanations. A 1,000-entry HAR explained by the
// CLI was measured slower with it from the 257th on.
const INDEX_AFTER = 1000;
let explained = 0;

export function explain(input: ExplainInput): Explanation {
  explained += 1;
  return explainWithIndex(input, builtTableSeeded() || explained > INDEX_AFTER);
}

/**
 * explain() with or without the anchor index (anchor-index.ts): without it every producer and
 * rule runs. Both give the same explanation (test/unit/shared/explain/anchor-index.test.ts).
 */
export function explainWithIndex(input: ExplainInput, indexed: boolean, unseen?: ReadonlySet<string>): Explanation {
  const ctx = buildContext(input);
  const subject = indexed ? new Subject(ctx) : null;
  const matches = matchProducers(ctx, subject, unseen);
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
  // no rule named a writer: a registered vendor's own mark (docs host, header prefix, code shape) may
  const marked = top ? null : vendorMark(ctx, unseen);
  const mark = marked && couldAnswer(ctx, marked.producer) ? marked : null;
  if (mark && relay?.producer === mark.producer) relay = null;
  // nothing in the response names a writer: the request's host may (a bare 403 from api.github.com)
  const host = !top && !mark && input.url ? hostOf(input.url) : null;
  const named = host ? producerForHost(host) : null;
  const hosted = named && couldAnswer(ctx, named) && !unseen?.has(named.id) && relay?.producer !== named ? named : null;
  const producer = top?.producer ?? mark?.producer ?? hosted ?? null;

  const hits: CauseHit[] = [];
  const blocks = { value: false };
  const run: RuleRun = { ctx, subject, hits, blocks };
  // a producer named by its body alone (headers cut or pasted without them): its rules are less sure
  // a producer named by a mark or by the host alone: its rules are less sure and never make a refusal
  const guessed = Boolean(mark || hosted);
  const factor = guessed ? MARK_FACTOR : top?.bodyOnly ? BODY_ONLY_FACTOR : 1;
  const ownRun = guessed ? { ...run, blocks: { value: false } } : run;
  const template = producer ? runRules(producer.causes, ownRun, producer.id, factor) && !guessed : false;
  runRules(GENERIC_RULES, run, undefined, 1, template ? (r) => Boolean(r.words) : undefined);
  // a container's stock page (Tomcat, Jetty) still carries the app's own message in its slot: the words read that alone
  const slot = template ? stockPageMessage(ctx.body) : '';
  if (slot) {
    const inner = buildContext({ status: ctx.status, headers: [], body: slot });
    runRules(GENERIC_RULES, { ctx: inner, subject: null, hits, blocks: { value: false } }, undefined, 1, (r) => !r.words);
  }

  const waf = producer?.kind === 'web-server' ? wafBehindWebServer(ctx, hits) : null;
  if (waf) hits.push(waf);

  // the one refusal rule: a refusal status, or a refusal body on a response that may carry one
  const blocked = isRefusalStatus(ctx.status) || (blocks.value && mayBeRefusal(ctx.status, input.headers));
  const namedBy: NamedBy = mark ? 'vendor-mark' : hosted ? 'host' : 'response';
  const producerRef = producer ? { id: producer.id, kind: producer.kind, name: producer.name, namedBy } : null;
  const relayName = relay ? relay.producer.name : undefined;
  const producerEvidence = top?.evidence ?? mark?.evidence ?? [];

  if (!blocked) {
    const confidence = ctx.status >= 200 && ctx.status < 400 ? 0.95 : 0.85;
    const evidence = dedupeEvidence([{ where: 'status', text: String(ctx.status) }, ...producerEvidence]);
    const why = `Status ${ctx.status} is not a refusal${producer ? ` (answered by ${producer.name})` : ''} and nothing in the headers or body says the request was denied.`;
    return withRelay({
      status: ctx.status,
      blocked: false,
      producer: producerRef,
      cause: 'none',
      confidence,
      candidates: [{ cause: 'none', confidence }],
      evidence,
      why,
      fix: CAUSES.none.fix,
      ...structured('none', producer, { id: 'not-a-refusal', text: why }, []),
    }, relayName);
  }

  for (const d of STATUS_DEFAULTS[ctx.status] ?? STATUS_DEFAULTS[0] ?? []) {
    hits.push({ cause: d.cause, confidence: d.confidence, evidence: [{ where: 'status', text: String(ctx.status) }], why: d.why, source: `status.${ctx.status}` });
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
  const ranked = withPriors([...byCause.entries()]
    .map(([cause, v]) => ({ cause, confidence: Math.min(0.98, v.conf + (v.n > 1 ? 0.03 * Math.min(v.n - 1, 2) : 0)), v }))
    .sort((a, b) => b.confidence - a.confidence), producer, ctx);
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
  const reason = reasonOf(cause, best);
  const namedNote = mark ? ', named only by a mark of its own' : hosted ? `, named only by the request's host ${host}` : '';
  const layer = producer ? `${producer.name} (${producer.kind}${namedNote})` : 'an unidentified layer';
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
    ...structured(cause, producer, reason, ranked.slice(1).map((r): Alternative => {
      const alt = reasonOf(r.cause, r.v.best);
      const own = r.v.evidence.filter((e) => e.where !== 'status');
      return {
        cause: r.cause,
        confidence: round(r.confidence),
        reason: alt,
        why: alt.text,
        evidence: dedupeEvidence([...own, { where: 'status', text: String(ctx.status) }]),
        fix: r.v.best.fix ?? CAUSES[r.cause].fix,
      };
    })),
  }, relayName);
}

/** A WAF module's header or log words on a web server's stock page: the server only rendered the WAF's decision. */
const WAF_STRONG_BODY = /\bmod[_ ]?security\b[^\n<]{0,40}|\bowasp[_ ]crs\b/i;
const WAF_WEAK_BODY = /request (was |has been )?rejected|incident id[^\n<]{0,30}|web application firewall/i;
const WAF_HEADER = /^x-(mod[-_]?security|waf)([-_].*)?$|^x-.+[-_]waf$/i;

function wafBehindWebServer(ctx: Ctx, hits: CauseHit[]): CauseHit | null {
  let evidence: WeightedEvidence | null = null;
  let strong = false;
  for (const [name, values] of ctx.headers) {
    if (!WAF_HEADER.test(name)) continue;
    evidence = { where: 'header', name, text: values[0] ?? name, weight: 3 };
    strong = /mod[-_]?security/i.test(name);
    break;
  }
  if (!evidence || !strong) {
    const m = WAF_STRONG_BODY.exec(ctx.body) ?? WAF_WEAK_BODY.exec(ctx.body);
    if (m) {
      evidence = { where: 'body', text: m[0].trim(), weight: 3 };
      strong = WAF_STRONG_BODY.test(m[0]);
    }
  }
  if (!evidence) return null;
  const best = Math.max(0, ...hits.filter((h) => h.cause !== 'waf-or-bot-block').map((h) => h.confidence));
  // a named WAF module leads; a generic hint ranks just below the server's own best guess
  const confidence = strong ? Math.min(0.6, Math.max(0.45, best + 0.02)) : Math.max(0.3, best - 0.01);
  return {
    cause: 'waf-or-bot-block',
    confidence,
    evidence: [evidence],
    why: 'the page is the web server\'s stock 403, but the response names a WAF module that decides such refusals',
    source: 'signal.waf-behind-web-server',
  };
}

function withRelay(e: Explanation, relay: string | undefined): Explanation {
  return relay ? { ...e, relay } : e;
}
