// The differences between the user's request and one that works, as each puts it on the wire:
// method, URL (path, each query parameter), every header (value, casing, order), each cookie, the
// body, the HTTP version. Each difference carries both values and an edit that moves the user's
// PreparedRequest to the working value, so bisect.ts can try any subset of them.
import { KEY_PARAMS } from './credentials';
import { clone, shown, withHeader, withMethod, withoutHeaders, withPath } from './edit';
import { isUnknown, splitCookies, type ViewHeader, type WireView } from './wire-view';
import type { KeyValue } from '../../shared/model';
import type { PreparedRequest } from '../pipeline/prepared';
import { isSensitiveHeader } from '../secrets/redact';

export type DifferenceKind = 'origin' | 'method' | 'path' | 'param' | 'header' | 'header-case' | 'header-order' | 'cookie' | 'body' | 'http-version';

export interface Difference {
  /** `<kind>` or `<kind>:<name in lower case>` */
  id: string;
  kind: DifferenceKind;
  name?: string;
  /** what the user's request sends; null: not sent */
  user: string | null;
  /** what the working request sends; null: not sent */
  working: string | null;
  /** the working value was redacted where it was recorded (history): whether it differs cannot be told */
  unknown?: boolean;
  /** who adds a value without being asked (curl's own User-Agent, the engine's Content-Type) */
  note?: string;
  /** false: listed, never sent by the bisection (`why` says why) */
  applicable: boolean;
  why?: string;
}

/** A difference and the edit that gives the user's request the working value. */
export interface Change {
  diff: Difference;
  apply(p: PreparedRequest): PreparedRequest;
}

/** Edits are applied in this order: the method before the body it may drop, the header order last. */
const ORDER: DifferenceKind[] = ['origin', 'method', 'path', 'param', 'header', 'header-case', 'cookie', 'body', 'http-version', 'header-order'];
const lowerOf = (h: { name: string }): string => h.name.toLowerCase();

export function applyChanges(p: PreparedRequest, changes: readonly Change[]): PreparedRequest {
  return [...changes].sort((a, b) => ORDER.indexOf(a.diff.kind) - ORDER.indexOf(b.diff.kind)).reduce((acc, c) => c.apply(acc), clone(p));
}

function editQuery(p: PreparedRequest, edit: (rows: KeyValue[]) => KeyValue[]): PreparedRequest {
  // A query written into the URL (a pasted curl) becomes rows first, so one edit reaches both.
  const out = clone(p);
  const u = new URL(p.url);
  const fromUrl = [...u.searchParams].map(([name, value]) => ({ name, value, enabled: true }));
  u.search = '';
  out.url = u.href;
  out.params = edit([...fromUrl, ...out.params]);
  return out;
}

function editCookies(p: PreparedRequest, name: string, edit: (pairs: Array<[string, string]>) => Array<[string, string]>): PreparedRequest {
  const current = p.headers.filter((h) => lowerOf(h) === 'cookie');
  const next = edit(current.flatMap((h) => splitCookies(h.value)));
  const without = withoutHeaders(p, (h) => lowerOf(h) === 'cookie');
  return next.length ? withHeader(without, current[0]?.name ?? name, next.map(([n, v]) => `${n}=${v}`).join('; ')) : without;
}

function grouped(headers: ViewHeader[]): Map<string, ViewHeader> {
  const m = new Map<string, ViewHeader>();
  for (const h of headers) {
    const had = m.get(lowerOf(h));
    m.set(lowerOf(h), had ? { ...had, value: `${had.value}, ${h.value}` } : { ...h });
  }
  return m;
}

function headerChanges(user: WireView, working: WireView): Change[] {
  const u = grouped(user.headers);
  const w = grouped(working.headers);
  // HTTP/2 sends every name in lower case: casing is no difference when the working one used it.
  const caseless = working.httpVersion === '2' || working.httpVersion === '3';
  const out: Change[] = [];
  for (const lower of [...w.keys(), ...[...u.keys()].filter((k) => !w.has(k))]) {
    const a = u.get(lower);
    const b = w.get(lower);
    const note = [a?.implicit && `${a.implicit} adds yours`, b?.implicit && `${b.implicit} adds the working one`].filter(Boolean).join('; ');
    const base = { id: `header:${lower}`, kind: 'header' as const, applicable: true, ...(note ? { note } : {}) };
    // The engine or curl decides compression: the fix curl says --compressed instead of a header.
    const compression = (p: PreparedRequest, on: boolean): PreparedRequest => (lower === 'accept-encoding' ? { ...p, options: { ...p.options, decompression: { ...p.options.decompression, enabled: on } } } : p);
    if (a && !b) {
      out.push({ diff: { ...base, name: a.name, user: a.value, working: null }, apply: (p) => compression(withoutHeaders(p, (h) => lowerOf(h) === lower), false) });
    } else if (!a && b) {
      out.push({ diff: { ...base, name: b.name, user: null, working: b.value }, apply: (p) => compression(withHeader(p, b.name, b.value), true) });
    } else if (a && b && a.value !== b.value) {
      out.push({ diff: { ...base, name: b.name, user: a.value, working: b.value }, apply: (p) => compression(withHeader(p, b.name, b.value), true) });
    } else if (a && b && a.name !== b.name && !caseless) {
      out.push({ diff: { ...base, kind: 'header-case', id: `header-case:${lower}`, name: b.name, user: a.name, working: b.name },
        apply: (p) => { const v = p.headers.find((h) => lowerOf(h) === lower); return v ? withHeader(p, b.name, v.value, v.origin) : p; } });
    }
  }
  // Content-Type the engine derives from the body cannot be left out: the body needs one.
  for (const c of out) if (c.diff.id === 'header:content-type' && c.diff.working === null && u.get('content-type')?.implicit) [c.diff.applicable, c.diff.why] = [false, 'the engine sends it for the body'];
  const common = (list: ViewHeader[], other: Map<string, ViewHeader>): string[] => list.map(lowerOf).filter((n, i, all) => other.has(n) && all.indexOf(n) === i);
  const uo = common(user.headers, w);
  const wo = common(working.headers, u);
  if (uo.join() !== wo.join()) {
    out.push({
      diff: { id: 'header-order', kind: 'header-order', user: uo.join(', '), working: wo.join(', '), applicable: true },
      apply: (p) => {
        const out2 = clone(p);
        const rank = (h: { name: string }): number => { const i = wo.indexOf(lowerOf(h)); return i < 0 ? wo.length : i; };
        out2.headers = out2.headers.map((h, i) => ({ h, i })).sort((x, y) => rank(x.h) - rank(y.h) || x.i - y.i).map((x) => x.h);
        return out2;
      },
    });
  }
  return out;
}

function pairChanges(kind: 'param' | 'cookie', user: Array<[string, string]>, working: Array<[string, string]>, cookieName: string): Change[] {
  const group = (l: Array<[string, string]>): Map<string, string[]> => {
    const m = new Map<string, string[]>();
    for (const [n, v] of l) m.set(n, [...(m.get(n) ?? []), v]);
    return m;
  };
  const u = group(user);
  const w = group(working);
  const out: Change[] = [];
  for (const name of [...w.keys(), ...[...u.keys()].filter((k) => !w.has(k))]) {
    const a = u.get(name);
    const b = w.get(name);
    if (a && b && a.join('&') === b.join('&')) continue;
    const rows = b ?? [];
    const apply = kind === 'param'
      ? (p: PreparedRequest) => editQuery(p, (q) => [...q.filter((x) => x.name !== name), ...rows.map((value) => ({ name, value, enabled: true }))])
      : (p: PreparedRequest) => editCookies(p, cookieName, (c) => [...c.filter(([n]) => n !== name), ...rows.map((v): [string, string] => [name, v])]);
    // Names keep their case: `SID` and `sid` are two cookies.
    out.push({ diff: { id: `${kind}:${name}`, kind, name, user: a ? a.join(', ') : null, working: b ? b.join(', ') : null, applicable: true }, apply });
  }
  return out;
}

const VERSION_LABEL: Record<string, string> = { auto: 'auto (HTTP/2 when the server offers it over TLS)', '1.1': 'HTTP/1.1', '2': 'HTTP/2', '3': 'HTTP/3' };

function versionChange(user: WireView, working: WireView, sent: '1.1' | '2' | undefined): Change[] {
  const w = working.httpVersion;
  if (w === null) return [];
  // A capture (HAR) says the version used; a curl command says the setting, compared with the user's setting.
  const used = working.from === 'har';
  const mine = used ? sent ?? (user.httpVersion !== 'auto' ? user.httpVersion : user.origin.startsWith('http:') ? '1.1' : null) : user.httpVersion;
  if (mine === null || mine === w) return [];
  // A browser speaks HTTP/2 only over TLS: a capture saying h2 for an http:// URL is not h2c.
  const why = w === '3' ? 'HTTP/3 (QUIC) is not sent by Clearance or curl by default; HTTP/2 is the closest'
    : w === '2' && used && user.origin.startsWith('http:') ? 'a capture over http:// says HTTP/2: forcing h2c would test something the browser did not do' : undefined;
  const diff: Difference = { id: 'http-version', kind: 'http-version', user: VERSION_LABEL[mine] ?? mine, working: VERSION_LABEL[w] ?? w, applicable: !why, ...(why ? { why } : {}) };
  return [{ diff, apply: (p) => (why ? p : { ...clone(p), options: { ...p.options, httpVersion: w as '1.1' | '2' | 'auto' } }) }];
}

/** Every difference, in the order a reader scans a request: where, what, headers, cookies, body, version. */
export function differences(user: WireView, working: WireView, opts: { sentVersion?: '1.1' | '2' } = {}): Change[] {
  const out: Change[] = [];
  const keep = (p: PreparedRequest): PreparedRequest => p;
  if (user.origin !== working.origin) out.push({ diff: { id: 'origin', kind: 'origin', user: user.origin, working: working.origin, applicable: false, why: 'another origin: nothing is sent there' }, apply: keep });
  if (user.method !== working.method) out.push({ diff: { id: 'method', kind: 'method', user: user.method, working: working.method, applicable: true }, apply: (p) => withMethod(p, working.method) });
  if (user.path !== working.path) out.push({ diff: { id: 'path', kind: 'path', user: user.path, working: working.path, applicable: true }, apply: (p) => withPath(p, working.path) });
  out.push(...pairChanges('param', user.query, working.query, ''));
  out.push(...headerChanges(user, working));
  out.push(...pairChanges('cookie', user.cookies, working.cookies, working.cookieName));
  const ub = user.body?.text ?? null;
  const wb = working.body?.text ?? null;
  if (ub !== wb) {
    const value = working.body?.value ?? null;
    const sendable = wb === null || value !== null;
    out.push({ diff: { id: 'body', kind: 'body', user: ub, working: wb, applicable: sendable, ...(sendable ? {} : { why: 'the capture does not hold the body\'s bytes' }) },
      apply: (p) => ({ ...clone(p), body: value ?? { kind: 'none' } }) });
  }
  out.push(...versionChange(user, working, opts.sentVersion));
  for (const c of out) {
    if ((c.diff.working !== null && isUnknown(c.diff.working)) || c.diff.name?.includes('•••')) {
      Object.assign(c.diff, { unknown: true, applicable: false, why: 'redacted where it was recorded: the value is unknown' });
    }
  }
  return out;
}

/** A difference as shown (results, reports): secrets redacted, credentials shortened, bodies clipped. */
export function shownDifference(d: Difference, redact: (s: string) => string): Difference {
  const lower = (d.name ?? '').toLowerCase();
  const secret = d.kind === 'cookie' || ((d.kind === 'header' || d.kind === 'header-case') && isSensitiveHeader(lower)) || (d.kind === 'param' && KEY_PARAMS.includes(lower));
  const show = (v: string | null): string | null => {
    if (v === null || d.kind === 'header-case') return v;
    const r = redact(v);
    if (secret && !isUnknown(r)) return shown(v);
    return r.length > 300 ? `${r.slice(0, 300)}…` : r;
  };
  return { ...d, user: show(d.user), working: show(d.working) };
}

/** One line per difference for a change list: what the user's request must do to match. */
export function describe(d: Difference): string {
  const what = d.kind === 'param' ? `query parameter ${d.name}` : d.kind === 'cookie' ? `cookie ${d.name}` : d.kind === 'header' ? `header ${d.name}` : d.kind === 'http-version' ? 'HTTP version' : d.kind;
  if (d.kind === 'header-case') return `write header ${d.user} as ${d.working}`;
  if (d.kind === 'header-order') return `send the headers in the order ${d.working}`;
  if (d.working === null) return `remove ${what}`;
  if (d.kind === 'body') return d.user === null ? 'add the working request\'s body' : 'send the working request\'s body';
  const eq = d.kind === 'cookie' || d.kind === 'param' ? '=' : ': ';
  if (d.kind === 'header' || d.kind === 'cookie' || d.kind === 'param') return `${d.user === null ? 'add' : 'set'} ${what}${eq}${d.working}`;
  return `${what} ${d.working}${d.user !== null ? ` (not ${d.user})` : ''}`;
}
