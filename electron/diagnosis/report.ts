// The report to hand to whoever runs the gateway: the request, what was refused and by whom, the
// evidence, the request ids to quote, each probe, the comparison with a working request, the
// checklist and what to change. One model, rendered as Markdown or as one self-contained HTML file
// (report-html.ts). Secrets never reach it: the caller's secret values, every credential the fix
// curls carry (replaced by `{{name}}` when the caller names it, else •••) and sensitive headers.
import { parseCurl } from '../../shared/curl';
import type { ComparisonData, DiagnosisData } from '../../shared/contract/diagnosis';
import { CAUSES } from '../../shared/explain/causes';
import { createRedactor, isSensitiveHeader, REDACTED } from '../secrets/redact';
import { KEY_PARAMS } from './credentials';
import { renderHtml } from './report-html';
import { producerLabel } from '../../shared/explain/named-by';

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'code'; text: string };

export interface Section { title: string; blocks: Block[] }
export interface ReportModel { title: string; subtitle: string; sections: Section[] }

export interface ReportInput {
  diagnosis: DiagnosisData;
  compare?: ComparisonData | undefined;
  /** secret values in play (the prepared request's secrets and its credential): never shown */
  secrets?: readonly string[];
  /** a credential the reader knows by name (a key profile): shown as `{{name}}` in the fix */
  names?: ReadonlyArray<{ value: string; name: string }>;
  now?: Date;
}

/** Headers whose value identifies this exchange in the operator's logs. */
const ID_HEADER = /^(cf-ray|x-amzn-requestid|x-amzn-request-id|x-amz-request-id|x-amz-id-2|x-amz-cf-id|x-amz-apigw-id|apigw-requestid|x-request-id|request-id|x-correlation-id|x-trace-id|traceparent|x-cloud-trace-context|x-ms-request-id|x-ms-correlation-request-id|x-azure-ref|x-msedge-ref|x-kong-request-id|x-github-request-id|akamai-grn|x-iinfo|x-sucuri-id|x-b3-traceid|x-datadog-trace-id|x-vercel-id|fly-request-id|x-cdn-request-id)$|(^|-)(request|correlation|trace)-?id$/i;
/** References a block page asks you to quote. */
const ID_IN_TEXT = /\b(Ray ID|Reference\s*#|Reference ID|Request ID|Incident ID|Support ID|Event ID|Transaction ID)\s*[:#]?\s*(?:<[^>]*>\s*)?([A-Za-z0-9][\w.:-]{5,})/gi;
/** Query parameters that hold a credential or a signature. */
const SECRET_PARAM = /sig|signature|token|secret|password|credential|key/i;

const STATE: Record<string, string> = { pass: 'pass', fail: 'FAIL', unknown: 'unknown', manual: 'to do' };

function causeTitle(id: string): string {
  return (CAUSES as Record<string, { title?: string } | undefined>)[id]?.title ?? id;
}

/** Every credential a curl command carries: sensitive headers (without their scheme word), cookies, Basic passwords, secret query values. */
export function credentialsInCurl(curl: string): string[] | null {
  let request;
  try {
    request = parseCurl(curl.split('\n').filter((l) => !l.startsWith('#')).join('\n')).request;
  } catch {
    // Not a command this report can read: the caller leaves the whole curl out rather than guess.
    return null;
  }
  const out: string[] = [];
  for (const h of request.headers) {
    const lower = h.name.toLowerCase();
    if (lower === 'cookie') out.push(...h.value.split(';').map((p) => p.slice(p.indexOf('=') + 1).trim()));
    else if (isSensitiveHeader(lower)) {
      const bare = h.value.replace(/^\S+\s+(?=\S)/, '');
      out.push(h.value, bare);
      if (/^basic\s/i.test(h.value)) out.push(...Buffer.from(bare, 'base64').toString('utf8').split(':').slice(1));
    }
  }
  const query = [...new URL(request.url).searchParams, ...request.params.map((q) => [q.name, q.value] as const)];
  for (const [n, v] of query) if (KEY_PARAMS.includes(n.toLowerCase()) || SECRET_PARAM.test(n)) out.push(v);
  return out.filter(Boolean);
}

function requestIds(d: DiagnosisData): string[] {
  const ids = d.baseline.headers.filter(([n]) => ID_HEADER.test(n)).map(([n, v]) => `${n}: ${v}`);
  const texts = [...d.explanation.evidence.map((e) => e.text), d.baseline.body ?? ''];
  for (const t of texts) for (const m of t.matchAll(ID_IN_TEXT)) ids.push(`${m[1]}: ${m[2]}`);
  return [...new Set(ids)];
}

function fixBlocks(fix: { change: string; status: number; curl: string } | null, curlShown: (c: string) => string): Block[] {
  if (!fix) return [];
  return [{ kind: 'p', text: `${fix.change} → ${fix.status}` }, { kind: 'code', text: curlShown(fix.curl) }];
}

function compareSection(c: ComparisonData, curlShown: (s: string) => string): Section {
  const secretish = (d: ComparisonData['differences'][number]): boolean => d.kind === 'cookie' || (d.kind === 'header' && isSensitiveHeader(d.name ?? '')) || (d.kind === 'param' && SECRET_PARAM.test(d.name ?? ''));
  const value = (d: ComparisonData['differences'][number], v: string | null): string => (v === null ? '(not sent)' : secretish(d) ? REDACTED : v);
  const from = c.working.from === 'har' ? `HAR entry ${c.working.entry ?? ''}` : c.working.from === 'history' ? 'a history entry' : 'a curl command';
  const blocks: Block[] = [
    { kind: 'p', text: `The working request (${from}): ${c.working.method} ${c.working.url}${c.working.status !== null ? ` → ${c.working.status}` : ''}.${c.reason ? ` ${c.reason}.` : ''}` },
    { kind: 'table', head: ['Difference', 'This request', 'Working request', 'Note'],
      rows: c.differences.map((d) => [`${d.kind}${d.name ? ` ${d.name}` : ''}`, value(d, d.user), value(d, d.working),
        [c.minimal?.includes(d.id) ? 'needed' : '', d.unknown ? 'unknown (redacted where recorded)' : '', !d.applicable && d.why ? `not sent: ${d.why}` : '', d.note ?? ''].filter(Boolean).join('; ')]) },
  ];
  if (c.probes.length) blocks.push({ kind: 'table', head: ['#', 'Sent', 'Status', 'Proved'], rows: c.probes.map((p, i) => [String(i + 1), p.change, p.status === null ? 'n/a' : String(p.status), p.proved]) });
  blocks.push({ kind: 'p', text: c.conclusion }, ...fixBlocks(c.fix, curlShown));
  return { title: 'Compared with a request that works', blocks };
}

/** The report as sections, every string already redacted. */
export function reportModel(input: ReportInput): ReportModel {
  const d = input.diagnosis;
  const e = d.explanation;
  const fromCurls = [d.fix?.curl, input.compare?.fix?.curl].filter((c): c is string => Boolean(c)).map(credentialsInCurl);
  const secrets = [...(input.secrets ?? []), ...fromCurls.flatMap((s) => s ?? [])];
  const redactor = createRedactor(secrets);
  const named = [...(input.names ?? [])].filter((n) => n.value.length >= 4).sort((a, b) => b.value.length - a.value.length);
  const curlShown = (curl: string): string => {
    if (fromCurls.includes(null)) return '(not shown: the fix could not be checked for credentials)';
    return named.reduce((s, n) => s.split(n.value).join(`{{${n.name}}}`), curl);
  };
  const producer = producerLabel(e.producer);
  const ids = requestIds(d);
  const sections: Section[] = [
    { title: 'Request', blocks: [{ kind: 'table', head: ['', ''], rows: [['Method', d.baseline.method], ['URL', d.baseline.url], ['Status', String(d.baseline.status)],
      ['Probes', `${d.budget.used} of at most ${d.budget.max}${d.stopped ? ` (${d.stopped})` : ''}`]] }] },
    { title: 'What was refused, and by whom', blocks: [
      { kind: 'p', text: `Refused by ${producer}: ${causeTitle(e.cause)} (${Math.round(e.confidence * 100)} %).${d.cause !== e.cause ? ` After probing: ${causeTitle(d.cause)}.` : ''}` },
      { kind: 'p', text: e.why },
    ] },
    { title: 'Request ids to quote', blocks: [ids.length ? { kind: 'list', items: ids } : { kind: 'p', text: 'The response carries no request id; quote the time of the call and the URL.' }] },
    { title: 'Evidence', blocks: [{ kind: 'list', items: e.evidence.map((x) => `${x.where}${x.name ? ` ${x.name}` : ''}: ${x.text}`) }] },
    { title: 'The response', blocks: [
      { kind: 'table', head: ['Header', 'Value'], rows: redactor.tuples(d.baseline.headers).map(([n, v]) => [n, v]) },
      ...(d.baseline.body ? [{ kind: 'code' as const, text: d.baseline.body }] : []),
    ] },
    { title: 'Probes', blocks: [d.probes.length
      ? { kind: 'table', head: ['#', 'Change', 'Status', 'Proved'], rows: d.probes.map((p, i) => [String(i + 1), p.change, p.status === null ? 'n/a' : String(p.status), p.proved || (p.error?.message ?? '')]) }
      : { kind: 'p', text: 'No probe was sent.' }] },
    ...(input.compare ? [compareSection(input.compare, curlShown)] : []),
    { title: 'Checklist', blocks: [{ kind: 'table', head: ['Step', 'State', 'Evidence', `${e.producer?.name ?? 'Producer'} tip`],
      rows: d.checklist.map((c) => [c.title, STATE[c.state] ?? c.state, c.evidence, c.producerTip ?? '']) }] },
    { title: 'What to change', blocks: [
      { kind: 'p', text: d.conclusion },
      ...(d.fix ? fixBlocks(d.fix, curlShown) : d.ask ? [{ kind: 'p' as const, text: `Whom to ask: ${d.ask}` }] : []),
      ...(input.compare?.fix ? [{ kind: 'p' as const, text: 'From the comparison:' }, ...fixBlocks(input.compare.fix, curlShown)] : []),
      ...(d.fix || input.compare?.fix ? [{ kind: 'p' as const, text: `Credentials in the commands above are replaced by ${named.length ? '{{name}} or ' : ''}${REDACTED}: put yours back before running them.` }] : []),
    ] },
  ];
  const model: ReportModel = {
    title: `${d.baseline.method} ${d.baseline.url} → ${d.baseline.status}`,
    subtitle: `Clearance diagnosis report, ${(input.now ?? new Date()).toISOString()}`,
    sections,
  };
  return redactor.json(model);
}

// `<` escaped: a Markdown viewer renders raw HTML, and a block page's markup must stay text.
const mdText = (s: string): string => s.replace(/</g, '&lt;').replace(/([\\`*_[\]])/g, '\\$1');
const mdCell = (s: string): string => mdText(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function mdBlock(b: Block): string {
  switch (b.kind) {
    case 'p': return mdText(b.text);
    case 'list': return b.items.map((i) => `- ${mdText(i)}`).join('\n');
    case 'table': return [`| ${b.head.map(mdCell).join(' | ')} |`, `|${b.head.map(() => ' --- ').join('|')}|`, ...b.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
    case 'code': {
      // A fence longer than any run of backticks inside keeps the text verbatim.
      const fence = '`'.repeat(Math.max(3, ...[...b.text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
      return `${fence}\n${b.text}\n${fence}`;
    }
  }
}

export function renderMarkdown(m: ReportModel): string {
  return [`# ${mdText(m.title)}`, `_${mdText(m.subtitle)}_`, ...m.sections.map((s) => [`## ${mdText(s.title)}`, ...s.blocks.map(mdBlock)].join('\n\n'))].join('\n\n') + '\n';
}

export function renderReport(input: ReportInput, format: 'markdown' | 'html'): string {
  const model = reportModel(input);
  return format === 'html' ? renderHtml(model) : renderMarkdown(model);
}
