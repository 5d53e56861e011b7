// Explanation (shared/explain) -> what the card shows. Pure: no React, no DOM, unit-tested.
import { CAUSES } from '../../../../shared/explain/causes';
import type { CauseId, ChecklistStep, Evidence, Explanation, ProducerKind } from '../../../../shared/explain';
import { namedByNote } from '../../../../shared/explain/named-by';

export interface EvidenceChip {
  key: string;
  where: 'header' | 'body';
  /** header name, or "body" */
  label: string;
  /** the matched text, shortened for the chip */
  value: string;
  /** full text for the tooltip and the accessible name */
  title: string;
  evidence: Evidence;
}

/** One checklist step as the card lists it (from `Explanation.steps`). */
export interface ChecklistRow {
  /** 1-based */
  n: number;
  id: ChecklistStep;
  /** "Verify permissions and authentication" */
  title: string;
  text: string;
  /** the producer-specific hint, e.g. nginx: check `deny` … */
  tip: { who: string; text: string } | null;
}

/** Another plausible cause, with its own reason, evidence and fix. */
export interface AlternativeView {
  cause: CauseId;
  title: string;
  pct: number;
  why: string;
  fix: string;
  /**
   * What this alternative adds to the main verdict: its reason and fix where they differ from the
   * main ones (identical pages give several causes one reason), else what the cause means.
   */
  detail: string;
  evidence: EvidenceChip[];
}

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export interface ExplanationView {
  status: number;
  blocked: boolean;
  /** "Refused by Kong (gateway) — insufficient permissions" */
  headline: string;
  /** `namedBy`: how the layer was identified, as a short note when it is a guess ("named by the request's host"), else null */
  producer: { name: string; kind: string; namedBy: string | null } | null;
  causeId: CauseId;
  causeTitle: string;
  /** the title as it reads inside a sentence: "insufficient permissions", "WAF or bot protection" */
  causePhrase: string;
  causeMeaning: string;
  confidence: number;
  /** 0..100, rounded */
  confidencePct: number;
  confidenceLevel: ConfidenceLevel;
  relay: string | null;
  evidence: EvidenceChip[];
  /** the reason in one sentence (`Explanation.reason.text`) */
  why: string;
  fix: string;
  /** the next three plausible causes (`Explanation.alternatives`) */
  alternatives: AlternativeView[];
  checklist: ChecklistRow[];
}

const KIND_LABEL: Record<ProducerKind, string> = {
  'cdn-waf': 'CDN / WAF',
  gateway: 'gateway',
  proxy: 'proxy',
  'web-server': 'web server',
  framework: 'framework',
  'saas-api': 'SaaS API',
  'cloud-storage': 'cloud storage',
  orchestrator: 'orchestrator',
};

export function kindLabel(kind: ProducerKind): string {
  return KIND_LABEL[kind] ?? kind;
}

export function causeTitle(cause: CauseId): string {
  return CAUSES[cause]?.title ?? cause;
}

/** "Insufficient permissions" -> "insufficient permissions", but "WAF or bot…" and "IP or…" keep their acronyms. */
export function lowerFirst(s: string): string {
  if (s.length < 2 || /^[A-Z]{2}/.test(s)) return s;
  return s[0]!.toLowerCase() + s.slice(1);
}

export function confidenceLevel(c: number): ConfidenceLevel {
  if (c >= 0.75) return 'high';
  if (c >= 0.45) return 'medium';
  return 'low';
}

export function shorten(s: string, max = 48): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function alternativeDetail(a: Explanation['alternatives'][number], e: Explanation): string {
  const own = [a.why !== e.reason.text ? a.why : '', a.fix !== e.fix ? a.fix : ''].filter(Boolean);
  if (own.length > 0) return own.join(' ');
  const meaning = CAUSES[a.cause]?.meaning ?? '';
  return meaning ? `${meaning.charAt(0).toUpperCase()}${meaning.slice(1)}.` : '';
}

/** The explanation's checklist records as rows; the producer's name labels its tip. */
export function checklistRows(e: Pick<Explanation, 'steps' | 'producer'>): ChecklistRow[] {
  const who = e.producer?.name ?? null;
  return e.steps.map((item) => ({
    n: item.step, id: item.id, title: item.title, text: item.text,
    tip: item.producerTip && who ? { who, text: item.producerTip } : null,
  }));
}

/** Split `code` spans out of prose: "Check `deny` rules" -> text, code, text. */
export function inlineCode(text: string): Array<{ code: boolean; text: string }> {
  const parts = text.split(/`([^`]+)`/);
  return parts.map((t, i) => ({ code: i % 2 === 1, text: t })).filter((p) => p.text !== '');
}

export function evidenceChips(evidence: readonly Evidence[]): EvidenceChip[] {
  const chips: EvidenceChip[] = [];
  evidence.forEach((e, i) => {
    if (e.where === 'status') return; // the status line already says it
    const label = e.where === 'header' ? (e.name ?? 'header') : 'body';
    chips.push({
      key: `${i}-${e.where}-${e.name ?? ''}`,
      where: e.where,
      label,
      value: shorten(e.text),
      title: e.where === 'header' ? `${label}: ${e.text}` : `Body: ${e.text}`,
      evidence: e,
    });
  });
  return chips;
}

/** The cause as it reads inside the headline sentence. */
export function causePhrase(cause: CauseId): string {
  return cause === 'other' ? 'cause not identified' : lowerFirst(causeTitle(cause));
}

export function headline(e: Pick<Explanation, 'producer' | 'cause' | 'blocked'>): string {
  if (!e.blocked) return 'Not a refusal';
  const by = e.producer ? `${e.producer.name} (${kindLabel(e.producer.kind)})` : 'an unidentified layer';
  return `Refused by ${by} — ${causePhrase(e.cause)}`;
}

export function toExplanationView(e: Explanation): ExplanationView {
  return {
    status: e.status,
    blocked: e.blocked,
    headline: headline(e),
    producer: e.producer ? { name: e.producer.name, kind: kindLabel(e.producer.kind), namedBy: namedByNote(e.producer.namedBy) } : null,
    causeId: e.cause,
    causeTitle: causeTitle(e.cause),
    causePhrase: causePhrase(e.cause),
    causeMeaning: CAUSES[e.cause]?.meaning ?? '',
    confidence: e.confidence,
    confidencePct: Math.round(e.confidence * 100),
    confidenceLevel: confidenceLevel(e.confidence),
    relay: e.relay ?? null,
    evidence: evidenceChips(e.evidence),
    why: e.reason.text,
    fix: e.fix,
    alternatives: e.alternatives.slice(0, 3).map((a) => ({
      cause: a.cause, title: causeTitle(a.cause), pct: Math.round(a.confidence * 100), why: a.why, fix: a.fix,
      detail: alternativeDetail(a, e), evidence: evidenceChips(a.evidence),
    })),
    checklist: checklistRows(e),
  };
}

function mdEscape(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/`/g, 'ˋ');
}

export interface ReportContext {
  statusText?: string;
  method?: string;
  /** the request URL; its query string is dropped (it may carry a key) */
  url?: string;
}

/** Strip query and fragment and any user:password@: reports are written for others. */
export function redactUrl(url: string): string {
  return url.replace(/[?#].*$/, '').replace(/^(\w+:\/\/)[^@/]*@/, '$1');
}

/** A Markdown summary to hand to whoever runs the layer that refused. */
export function reportMarkdown(e: Explanation, ctx: ReportContext = {}): string {
  const v = toExplanationView(e);
  const lines: string[] = [];
  lines.push(`# ${e.status}${ctx.statusText ? ` ${ctx.statusText}` : ''} — ${v.headline}`, '');
  if (ctx.url) lines.push(`- **Request:** \`${ctx.method ?? 'GET'} ${mdEscape(redactUrl(ctx.url))}\``);
  lines.push(`- **Status:** ${e.status}${ctx.statusText ? ` ${ctx.statusText}` : ''}`);
  lines.push(`- **Producer:** ${v.producer ? `${v.producer.name} (${v.producer.kind}${v.producer.namedBy ? `; ${v.producer.namedBy}` : ''})` : 'unidentified'}`);
  if (v.relay) lines.push(`- **Relayed by:** ${v.relay}`);
  lines.push(`- **Cause:** ${v.causeTitle} (\`${v.causeId}\`), confidence ${v.confidencePct}%`);
  if (v.alternatives.length > 0) {
    lines.push(`- **Also plausible:** ${v.alternatives.map((a) => `${a.title} (${a.pct}%)`).join(', ')}`);
  }
  lines.push('', '## Why', '', v.why, '', '## Evidence', '');
  for (const ev of e.evidence) {
    if (ev.where === 'header') lines.push(`- Header \`${ev.name ?? ''}: ${mdEscape(ev.text)}\``);
    else if (ev.where === 'body') lines.push(`- Body contains \`${mdEscape(shorten(ev.text, 200))}\``);
    else lines.push(`- Status ${mdEscape(ev.text)}`);
  }
  lines.push('', '## Fix', '', e.fix, '');
  if (v.alternatives.length > 0) {
    lines.push('## Other plausible causes', '');
    for (const a of v.alternatives) lines.push(`- **${a.title}** (${a.pct}%): ${a.why} Fix: ${a.fix}`);
    lines.push('');
  }
  lines.push('## Checklist', '');
  for (const c of v.checklist) {
    lines.push(`${c.n}. [ ] **${c.title}:** ${c.text}${c.tip ? ` _${c.tip.who}:_ ${c.tip.text}` : ''}`);
  }
  lines.push('', '_Explained offline by Clearance from the status, headers and body._', '');
  return lines.join('\n');
}
