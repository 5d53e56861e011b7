// A CSRF refusal: the server wants a token it handed out, echoed in a header with its cookie. One GET
// of the same path (else the origin's root) fetches it — from a Set-Cookie (XSRF-TOKEN, csrftoken,
// _csrf…), a `<meta name="csrf-token">`, a hidden form input, a JSON field or a response header —
// and the request is replayed with the cookies and the matching header (X-XSRF-TOKEN, X-CSRFToken,
// X-CSRF-Token…), then with a same-origin Origin and Referer as well. The replay keeps the request's
// method, so an unsafe one goes out only with --allow-unsafe; the fetch is always a GET.
import { recordBodyText, type ResponseRecord } from '../../../shared/model';
import { clone, withHeader, withMethod, withoutHeaders, withPath } from '../edit';
import type { PreparedRequest } from '../../pipeline/prepared';
import type { ProbeContext, ProbeFamily, ProbeVariant } from '../types';

const CSRF_WORDS = /csrf|xsrf|authenticity[_ -]token|antiforgery|request ?verification ?token|cross[- ]site request forgery/i;

export interface CsrfToken {
  value: string;
  /** the header the server reads it from */
  header: string;
  /** where it was found, for the notes */
  from: string;
}

/** Cookie names that hold a token to echo, and the header each framework reads (Angular/Laravel, Django, others). */
const COOKIE_TOKENS: Array<[RegExp, string]> = [
  [/^xsrf-token$/i, 'X-XSRF-TOKEN'], [/^csrftoken$/i, 'X-CSRFToken'], [/^(csrf[_-]?token|_csrf_token|csrf)$/i, 'X-CSRF-Token'], [/^_csrf$/i, 'X-CSRF-Token'],
];
/** Hidden inputs: Django, Rails, Laravel, Spring/Express, ASP.NET. */
const INPUT_TOKENS: Array<[string, string]> = [
  ['csrfmiddlewaretoken', 'X-CSRFToken'], ['authenticity_token', 'X-CSRF-Token'], ['_token', 'X-CSRF-TOKEN'], ['_csrf', 'X-CSRF-Token'],
  ['csrf_token', 'X-CSRF-Token'], ['__RequestVerificationToken', 'RequestVerificationToken'],
];

/** `name=value` of each Set-Cookie, in order. */
export function setCookies(headers: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of headers) {
    if (k.toLowerCase() !== 'set-cookie') continue;
    const pair = v.split(';')[0] ?? '';
    const at = pair.indexOf('=');
    if (at > 0) out.push([pair.slice(0, at).trim(), pair.slice(at + 1).trim()]);
  }
  return out;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

const decode = (v: string): string => {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};

/** The token an answer hands out, the page's own first (a masked form token beats the cookie's), or null. */
export function findCsrfToken(rec: Pick<ResponseRecord, 'headers'>, body: string): CsrfToken | null {
  const tags = body.length > 2_000_000 ? [] : body.match(/<(meta|input)\b[^>]*>/gi) ?? [];
  const metas = tags.filter((t) => /^<meta/i.test(t));
  // Spring Security names its header in a sibling meta tag.
  const springHeader = metas.map((t) => (attr(t, 'name') === '_csrf_header' ? attr(t, 'content') : undefined)).find(Boolean);
  for (const t of metas) {
    const name = (attr(t, 'name') ?? '').toLowerCase();
    const content = attr(t, 'content');
    if (!content) continue;
    if (name === 'csrf-token' || name === 'csrf_token' || name === 'xsrf-token') return { value: content, header: 'X-CSRF-Token', from: `<meta name="${name}">` };
    if (name === '_csrf') return { value: content, header: springHeader ?? 'X-CSRF-TOKEN', from: '<meta name="_csrf">' };
  }
  for (const t of tags.filter((x) => /^<input/i.test(x))) {
    const name = attr(t, 'name') ?? '';
    const value = attr(t, 'value');
    const known = INPUT_TOKENS.find(([n]) => n === name);
    if (known && value) return { value, header: known[1], from: `the form field ${name}` };
  }
  const json = /"(csrfToken|csrf_token|_csrf|xsrfToken|csrf)"\s*:\s*"([^"]{8,})"/.exec(body);
  if (json) return { value: json[2]!, header: 'X-CSRF-Token', from: `the JSON field ${json[1]}` };
  for (const [k, v] of rec.headers) {
    if (/^x-(csrf|xsrf)-token$/i.test(k) && v && !/^(required|fetch)$/i.test(v.trim())) return { value: v.trim(), header: k, from: `the ${k} response header` };
  }
  for (const [name, value] of setCookies(rec.headers)) {
    const known = COOKIE_TOKENS.find(([re]) => re.test(name));
    if (known && value) return { value: decode(value), header: known[1], from: `the ${name} cookie` };
  }
  return null;
}

/** The request's Cookie header with `cookies` laid over it (same name: the new value). */
function withCookies(p: PreparedRequest, cookies: Array<[string, string]>): PreparedRequest {
  if (!cookies.length) return p;
  const had = p.headers.find((h) => h.name.toLowerCase() === 'cookie')?.value ?? '';
  const jar = new Map<string, string>();
  for (const pair of had.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  for (const [k, v] of cookies) jar.set(k, v);
  return withHeader(withoutHeaders(p, (h) => h.name.toLowerCase() === 'cookie'), 'Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
}

/** The refusal reads as a CSRF check: the explanation, the answer's words, or SAP's `x-csrf-token: Required`. */
export function isCsrfRefusal(ctx: Pick<ProbeContext, 'explanation' | 'response'>): boolean {
  const e = ctx.explanation;
  if (e.cause === 'csrf' || e.candidates.some((c) => c.cause === 'csrf' && c.confidence >= 0.3)) return true;
  if (ctx.response.headers.some(([k, v]) => /^x-(csrf|xsrf)-token$/i.test(k) && /required/i.test(v))) return true;
  return CSRF_WORDS.test(recordBodyText(ctx.response).slice(0, 20_000));
}

function replays(ctx: ProbeContext, token: CsrfToken, cookies: Array<[string, string]>, where: string): ProbeVariant[] {
  const withToken = withHeader(withCookies(clone(ctx.baseline), cookies), token.header, token.value);
  const origin = new URL(ctx.baseline.url).origin;
  const both = withHeader(withHeader(withToken, 'Origin', origin), 'Referer', `${origin}/`);
  const cookieNote = cookies.length ? ` and the cookie${cookies.length > 1 ? 's' : ''} ${cookies.map(([k]) => k).join(', ')}` : '';
  const meaning = (extra: string) => ({
    onSuccess: `with the CSRF token from ${where} (${token.from}) in ${token.header}${cookieNote}${extra} the call succeeds: the server wants its CSRF token echoed; fetch it with a GET before each unsafe call`,
    onSame: `with the CSRF token in ${token.header}${extra} it is still refused: the token is not what the check wants (another header name, a session it belongs to, or the Origin)`,
  });
  return [
    { id: 'csrf:token', family: 'csrf', change: `the CSRF token from ${where} (${token.from}) in ${token.header}${cookieNote}`, prepared: withToken,
      cause: 'csrf', step: 'server', meaning: meaning('') },
    { id: 'csrf:token+origin', family: 'csrf', change: `the CSRF token in ${token.header}${cookieNote}, with Origin ${origin} and Referer ${origin}/`, prepared: both,
      cause: 'csrf', step: 'server', meaning: meaning(' and a same-origin Origin and Referer') },
  ];
}

function fetchVariant(ctx: ProbeContext, root: boolean): ProbeVariant {
  const path = new URL(ctx.baseline.url).pathname;
  let get = withMethod(ctx.baseline, 'GET');
  if (root) get = withPath(get, '/', false);
  // SAP's convention: the token is handed out to a GET that asks for it.
  if (ctx.response.headers.some(([k, v]) => /^x-csrf-token$/i.test(k) && /required/i.test(v))) get = withHeader(get, 'X-CSRF-Token', 'Fetch');
  const where = `GET ${root ? '/' : path}`;
  return {
    id: root ? 'csrf:fetch-root' : 'csrf:fetch', family: 'csrf', change: `${where}, to receive a CSRF token (cookie, meta tag, form field or header)`, prepared: get,
    diagnosticOnly: true, cause: 'csrf', step: 'server', meaning: { onSuccess: '' },
    gather: (rec) => {
      const token = findCsrfToken(rec, recordBodyText(rec));
      const cookies = setCookies(rec.headers);
      if (!token) {
        return {
          proved: `${where} hands out no CSRF token (no XSRF-TOKEN/csrftoken/_csrf cookie, csrf meta tag, form field or header)`,
          next: root || path === '/' ? [] : [fetchVariant(ctx, true)],
        };
      }
      return { proved: `${where} hands out a CSRF token (${token.from}), read by ${token.header}`, next: replays(ctx, token, cookies, where) };
    },
  };
}

export const csrfProbe: ProbeFamily = {
  id: 'csrf',
  priority: (ctx) => (isCsrfRefusal(ctx) ? 93 : 0),
  variants: (ctx) => [fetchVariant(ctx, false)],
};
