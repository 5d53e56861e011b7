// The vendor-marks fallback (issue 11): when no rule named a producer, a registered vendor's identity
// mark in a structural place (vendor-marks.ts) names it, less surely than a rule. Precision first:
// marks of two vendors name nobody, and a long article's links name nobody.
import { ARTICLE_TEXT } from './producers/define';
import { regexText } from './regex-literals';
import { PRODUCERS } from './producers/index';
import type { Ctx, Producer, WeightedEvidence } from './types';
import { SDK_MARKS } from './sdk-marks';
import { VENDOR_MARKS } from './vendor-marks';
import { escapeRegex } from '../util/escape-regex';

export interface VendorMark { producer: Producer; evidence: WeightedEvidence[]; }

interface Entry { producer: Producer; vendor: string; rank: number; }

// How specific a kind of mark is, within one vendor: a docs path of one service beats the vendor's
// error-code shape, which beats its header prefix, the API URL a client called, its bare docs host,
// then its signature.
const RANK = { path: 400, code: 300, header: 200, api: 150, host: 100, sign: 50 } as const;

const BY_ID = new Map(PRODUCERS.map((p) => [p.id, p]));

/** Lower-cased texts one of which every match of a code shape holds, or null (then it always runs). */
function literalsOf(re: RegExp): string[] | null {
  const req = regexText(re);
  if (req === true) return null;
  if ('lit' in req) return [req.lit];
  if ('and' in req) {
    const lits = req.and.flatMap((r) => (r !== true && 'lit' in r ? [r.lit] : []));
    return lits.length ? [lits.sort((a, b) => b.length - a.length)[0]!] : null;
  }
  const any = req.or.map((r) => (r !== true && 'lit' in r ? r.lit : null));
  return any.every((l) => l !== null) ? (any as string[]) : null;
}

/** Entries keyed by their host's last two labels: a URL is compared with its own domain's entries only. */
type UrlEntries = Map<string, Array<{ re: RegExp; length: number; entry: Entry }>>;

/**
 * A host (+ path) entry as an anchored pattern for a URL's lower-cased host and path: subdomains
 * match, '{l}' is an optional locale segment (en-us/), '*' one host label.
 */
function urlPattern(host: string): RegExp {
  const body = host.toLowerCase().split('{l}').map((part) => escapeRegex(part).replace(/\\\*/g, '[a-z0-9-]+')).join('(?:[a-z]{2}-[a-z]{2}/)?');
  return new RegExp(`^(?:[a-z0-9-]+\\.)*${body}(?=[/?#:]|$)`);
}

function domainOf(hostAndPath: string): string {
  const host = hostAndPath.split('/')[0]!;
  return host.split('.').slice(-2).join('.');
}

function addUrl(map: UrlEntries, mark: string, entry: Entry): void {
  const key = domainOf(mark.replace('{l}', ''));
  const list = map.get(key) ?? [];
  list.push({ re: urlPattern(mark), length: mark.length, entry });
  list.sort((a, b) => b.length - a.length);
  map.set(key, list);
}

interface Tables {
  hosts: UrlEntries;
  apis: UrlEntries;
  /** signature name, lower case → its producer */
  signs: Map<string, Entry>;
  /** header-name prefixes, longest first */
  headers: Array<[string, Entry]>;
  /** a code shape, texts one of which every match of it holds (a cheap test first), its producer */
  codes: Array<[RegExp, string[] | null, Entry]>;
}

let built: Tables | undefined;

/**
 * The marks as look-up tables, built on the first fallback, not when the explainer loads: most
 * processes (a run whose refusals all name their producer, a 2xx gate) never need them, and reading
 * the code shapes' literals is the regular-expression parsing a cold start otherwise avoids.
 */
function tables(): Tables {
  if (built) return built;
  const t: Tables = { hosts: new Map(), apis: new Map(), signs: new Map(), headers: [], codes: [] };
  for (const [id, marks] of Object.entries(VENDOR_MARKS)) {
    const producer = BY_ID.get(id);
    if (!producer) continue;
    const vendor = marks.vendor ?? id;
    for (const h of marks.hosts ?? []) addUrl(t.hosts, h, { producer, vendor, rank: (h.includes('/') ? RANK.path : RANK.host) + h.length });
    for (const a of marks.apis ?? []) addUrl(t.apis, a, { producer, vendor, rank: RANK.api + a.length });
    for (const s of marks.signs ?? []) t.signs.set(s.toLowerCase(), { producer, vendor, rank: RANK.sign + s.length });
    for (const h of marks.headers ?? []) t.headers.push([h, { producer, vendor, rank: RANK.header + h.length }]);
    for (const c of marks.codes ?? []) t.codes.push([c, literalsOf(c), { producer, vendor, rank: RANK.code }]);
  }
  for (const [id, re] of SDK_MARKS) {
    const producer = BY_ID.get(id);
    if (producer) t.codes.push([re, literalsOf(re), { producer, vendor: VENDOR_MARKS[id]?.vendor ?? id, rank: RANK.code }]);
  }
  t.headers.sort((a, b) => b[0].length - a[0].length);
  return (built = t);
}

// every URL, also JSON's escaped https:\/\/…: its host, then its path
const URL_RE = /https?:(?:\/\/|\\\/\\\/)([a-z0-9.-]+)((?:\/|\\\/)[^\s"'<>)\]},;|]*)?/gi;
// the words just before a URL a client printed as the one it called and got an answer from
// ('… for url: https://…', 'POST https://…', Go's 'Post "https://…"', a dumped '"url": "https://…"');
// a block page's 'URL: …' is the destination another layer refused, not the writer
const CALLED = /(?:\bfor url:?|\b(?:get|post|put|patch|delete|head)|"url"\s*:)\s*["']?$/i;
// a client that never got an answer (DNS, TCP, TLS, proxy tunnel): the URLs it names wrote nothing
const TRANSPORT = new RegExp(`\\b(?:${[
  String.raw`dial tcp|no such host|i\/o timeout|connection (?:refused|reset|aborted)`,
  String.raw`ECONN(?:REFUSED|RESET|ABORTED)|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|getaddrinfo`,
  String.raw`could not resolve host|couldn'?t connect to|failed to establish a new connection`,
  String.raw`max retries exceeded|tunnel connection failed|cannot connect to proxy|unable to (?:get|verify) (?:local issuer|the first) certificate`,
  String.raw`self[- ]signed certificate|certificate verify failed|server misbehaving`,
  String.raw`proxyconnect tcp|no route to host`,
].join('|')})`, 'i');

// the name as a page signs what it wrote: 'Powered by X', '<title>… | X</title>', a stock '<hr><center>X/1.0'
const SIGNED_BY = /\b(?:powered|protected|secured|generated|served|hosted|delivered) by\s*(?:<[^>]{0,200}>\s*){0,3}([^<>\n]{2,40})/gi;
const TITLE = /<title>([^<]{0,200})<\/title>/i;
const SIGNATURE_LINE = /<hr>\s*<center>\s*([^<\n]{2,60}?)(?:\/[\w.]+)?\s*<\/center>/i;

/** A page with hundreds of links is read for its first marks only. */
const MAX_HITS = 40;

function lookUp(map: UrlEntries, hostAndPath: string): Entry | null {
  for (const { re, entry } of map.get(domainOf(hostAndPath)) ?? []) if (re.test(hostAndPath)) return entry;
  return null;
}

/** The first MAX_HITS matches of a global regular expression (bounded: a page of many links). */
function firstMatches(re: RegExp, body: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(body); m && out.length < MAX_HITS; m = re.exec(body)) out.push(m);
  return out;
}

function urlHits(body: string, hits: Array<[Entry, WeightedEvidence]>): void {
  for (const m of firstMatches(URL_RE, body)) {
    const hostAndPath = (m[1]! + (m[2] ?? '').replace(/\\\//g, '/')).toLowerCase();
    const called = () => CALLED.test(body.slice(Math.max(0, m.index - 24), m.index));
    const entry = lookUp(tables().hosts, hostAndPath) ?? (called() ? lookUp(tables().apis, hostAndPath) : null);
    if (entry) hits.push([entry, { where: 'body', text: m[0] }]);
  }
}

/** The signature at the start of `text` ('Cloudflare', 'Zscaler Internet Access'), by whole words. */
function signAt(text: string): Entry | null {
  const t = text.trim().toLowerCase();
  for (const [name, entry] of tables().signs) if (t.startsWith(name) && !/[\w-]/.test(t.charAt(name.length))) return entry;
  return null;
}

function signHits(body: string, hits: Array<[Entry, WeightedEvidence]>): void {
  for (const m of firstMatches(SIGNED_BY, body)) {
    const entry = signAt(m[1]!);
    if (entry) hits.push([entry, { where: 'body', text: m[0].trim() }]);
  }
  // a title's last part after a separator ('Access denied | Vendor'), a stock page's signature line
  const title = TITLE.exec(body)?.[1];
  const last = title?.split(/\s[|\u2013\u2014-]\s/);
  if (last && last.length > 1) {
    const entry = tables().signs.get(last[last.length - 1]!.trim().toLowerCase());
    if (entry) hits.push([entry, { where: 'body', text: title! }]);
  }
  const line = SIGNATURE_LINE.exec(body);
  const lineEntry = line ? tables().signs.get(line[1]!.trim().toLowerCase()) : undefined;
  if (line && lineEntry) hits.push([lineEntry, { where: 'body', text: line[0] }]);
}

function headerHits(ctx: Ctx, hits: Array<[Entry, WeightedEvidence]>): void {
  for (const [name, values] of ctx.headers) {
    const item = tables().headers.find(([prefix]) => name.startsWith(prefix));
    if (item) hits.push([item[1], { where: 'header', name, text: values[0] ?? name }]);
  }
}

/**
 * The registered producer whose marks are in the response, or null: none, or two vendors' marks
 * (nobody then), or two services of one vendor equally specific. `unseen`: producer ids whose marks
 * count as unregistered (explainWithIndex's leave-one-out scoring).
 */
export function vendorMark(ctx: Ctx, unseen?: ReadonlySet<string>): VendorMark | null {
  let hits: Array<[Entry, WeightedEvidence]> = [];
  headerHits(ctx, hits);
  // a long article's links and names are prose about vendors, not a vendor's page; a transport
  // failure's URLs are where the client could not get to
  const article = !ctx.isJson && ctx.textLength > ARTICLE_TEXT;
  if (ctx.body && !article && !TRANSPORT.test(ctx.body)) {
    urlHits(ctx.body, hits);
    signHits(ctx.body, hits);
    // regexText's literals are lower case: one lower-cased copy answers every cheap test
    const lower = ctx.body.toLowerCase();
    for (const [re, literals, entry] of tables().codes) {
      if (literals !== null && !literals.some((l) => lower.includes(l))) continue;
      const m = re.exec(ctx.body);
      if (m) hits.push([entry, { where: 'body', text: m[0] }]);
    }
  }
  if (unseen) hits = hits.filter(([e]) => !unseen.has(e.producer.id));
  if (hits.length === 0) return null;
  const vendor = hits[0]![0].vendor;
  if (hits.some(([e]) => e.vendor !== vendor)) return null;
  const top = Math.max(...hits.map(([e]) => e.rank));
  const best = hits.filter(([e]) => e.rank === top);
  const producer = best[0]![0].producer;
  if (best.some(([e]) => e.producer !== producer)) return null;
  const evidence = hits.filter(([e]) => e.producer === producer).map(([, ev]) => ev);
  return { producer, evidence };
}
