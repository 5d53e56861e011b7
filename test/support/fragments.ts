// Fragments of a refusal as users paste them (issue 11): no headers, and only part of the body, or the
// body as a client printed it. Derived from each corpus refusal whose producer is known, to measure
// whether the producer's own body marks still name it (test/integration/explain/fragment-ablation.test.ts).
import { htmlToText, looksLikeHtml } from '../../shared/explain/html-text';
import type { ExplainInput } from '../../shared/explain/index';

export type FragmentMode = 'first 160 chars' | 'message only' | 'python repr' | 'log line' | 'exception line';
export const FRAGMENT_MODES: FragmentMode[] = ['first 160 chars', 'message only', 'python repr', 'log line', 'exception line'];

/** Keys of a JSON error envelope that hold its human sentence, most specific first. */
const MESSAGE_KEYS = ['message', 'Message', 'error_description', 'errorMessage', 'error_message', 'detail', 'details', 'msg', 'description', 'title', 'error', 'reason'];

function parseJson(body: string): unknown {
  const b = body.trim();
  if (!/^[{[]/.test(b)) return undefined;
  try {
    return JSON.parse(b) as unknown;
  } catch {
    return undefined;
  }
}

/** The first message-like string in a parsed envelope (breadth first: the top-level message before a nested one). */
export function envelopeMessage(value: unknown): string | undefined {
  let level: unknown[] = [value];
  for (let depth = 0; depth < 5 && level.length; depth++) {
    const next: unknown[] = [];
    for (const v of level) {
      if (Array.isArray(v)) { next.push(...v); continue; }
      if (!v || typeof v !== 'object') continue;
      const rec = v as Record<string, unknown>;
      for (const k of MESSAGE_KEYS) {
        const s = rec[k];
        if (typeof s === 'string' && /[a-z]{2,}\W+[a-z]{2,}/i.test(s)) return s;
      }
      next.push(...Object.values(rec));
    }
    level = next;
  }
  return undefined;
}

/**
 * The first sentence of a text, extended until it has some 20 characters (a page's title alone says little); a text
 * with no sentence end is one message (a log line, a bare code and sentence): all of it, up to 400 characters.
 * 'e.g.' and 'i.e.' end no sentence.
 */
export function firstSentence(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const re = /[.!?](?=\s|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    if (m.index + 1 < 20 || /\b(e\.g|i\.e)$/i.test(t.slice(Math.max(0, m.index - 3), m.index))) continue;
    return t.slice(0, m.index + 1);
  }
  return t.slice(0, 400);
}

/** Only the human message: the envelope's message string, an XML <Message>, or a page's first sentence. */
export function messageOnly(body: string): string | undefined {
  const json = parseJson(body);
  if (json !== undefined) return envelopeMessage(json);
  const xml = /<Message>([^<]{3,})<\/Message>/i.exec(body);
  if (xml?.[1]) return xml[1].trim();
  const text = looksLikeHtml(body, undefined) ? htmlToText(body) : body;
  const s = firstSentence(text);
  return s.length >= 3 ? s : undefined;
}

function pyString(s: string): string {
  // Python's repr: single quotes unless the text holds a single quote and no double quote
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const inner = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return quote + (quote === "'" ? inner.replace(/'/g, "\\'") : inner) + quote;
}

/** A parsed JSON value printed as Python prints the dict (`str(resp.json())`): single quotes, True/False/None. */
export function pythonRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') return pyString(v);
  if (Array.isArray(v)) return `[${v.map(pythonRepr).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${pyString(k)}: ${pythonRepr(x)}`).join(', ')}}`;
}

const REASON: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 407: 'Proxy Authentication Required', 409: 'Conflict', 412: 'Precondition Failed', 418: "I'm a teapot",
  419: 'Page Expired', 422: 'Unprocessable Entity', 423: 'Locked', 429: 'Too Many Requests', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** The names clients print before a failed call, chosen by the body's length so each fixture keeps one. */
const CLIENTS = ['client', 'api', 'http', 'sync'];

/**
 * A log line as a Go or Node client prints a failed call: `ERROR <client>: 403 Forbidden: ` and the body on
 * one line — a JSON body quoted and escaped (Go's %q, Node's JSON.stringify of the text), any other squeezed.
 */
export function logLine(status: number, body: string): string {
  const json = parseJson(body);
  const rest = json !== undefined ? JSON.stringify(JSON.stringify(json)) : body.replace(/\s+/g, ' ').trim();
  const client = CLIENTS[body.length % CLIENTS.length];
  return `ERROR ${client}: ${status} ${REASON[status] ?? 'Error'}: ${rest}`;
}

/**
 * The refusal as an exception prints it, or as users title an issue: the client's one-line summary and the first line of the
 * message, cut at 200 characters — axios's `Error: Request failed with status code 403: …` or requests' `HTTPError: 403 Client
 * Error: Forbidden for url: … : …` (chosen by the body's length, so each fixture keeps one). The URL is a neutral placeholder.
 */
export function exceptionLine(status: number, message: string): string {
  const first = (message.split(/\r?\n/).find((l) => l.trim()) ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (message.length % 2 === 0) return `Error: Request failed with status code ${status}: ${first}`;
  const kind = status >= 500 ? 'Server Error' : 'Client Error';
  return `requests.exceptions.HTTPError: ${status} ${kind}: ${REASON[status] ?? 'Error'} for url: https://host.example/v1/resource: ${first}`;
}

/** The fragment of `r` a mode stands for, with no headers; undefined when the mode does not apply (a repr of a non-JSON body). */
export function fragment(r: ExplainInput, mode: FragmentMode): ExplainInput | undefined {
  const body = r.body ?? '';
  if (!body.trim()) return undefined;
  const out = (b: string | undefined): ExplainInput | undefined => (b && b.trim() ? { status: r.status, headers: {}, body: b } : undefined);
  switch (mode) {
    case 'first 160 chars':
      return out(body.slice(0, 160));
    case 'message only':
      return out(messageOnly(body));
    case 'python repr': {
      const json = parseJson(body);
      return json !== undefined && typeof json === 'object' ? out(pythonRepr(json)) : undefined;
    }
    case 'log line':
      return out(logLine(r.status, body));
    case 'exception line': {
      const message = messageOnly(body);
      return message && message.trim() ? out(exceptionLine(r.status, message)) : undefined;
    }
  }
}
