import { encodeComponent } from '../../shared/util/well-formed';
import { escapeRegex } from '../../shared/util/escape-regex';

/** What replaces a secret in history, logs, reports and exports. */
export const REDACTED = '•••';
/** Shorter values are not treated as secrets: replacing every "1" in a document helps no one. */
export const MIN_SECRET_LENGTH = 4;

/** Header names whose values are always masked, whatever they hold. */
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-amz-security-token|ocp-apim-subscription-key|x-goog-api-key|.*-api-key|.*-token|.*-secret)$/i;

export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name);
}

/** Masks a sensitive header's value but keeps the scheme (`Bearer •••`) so a reader still sees its shape. */
export function maskHeaderValue(name: string, value: string): string {
  if (!isSensitiveHeader(name)) return value;
  const scheme = /^(Bearer|Basic|Digest|AWS4-HMAC-SHA256|Token|ApiKey)\s/i.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}

export interface Redactor {
  /** replaces every known secret value in a string */
  text(s: string): string;
  /** the same over any JSON value (strings, arrays, objects; keys too) */
  json<T>(value: T): T;
  /** masks sensitive header values and any secret inside other headers */
  headers<H extends { name: string; value: string }>(list: H[]): H[];
  /** the same for [name, value] tuples */
  tuples(list: Array<[string, string]>): Array<[string, string]>;
}

/** A redactor for the given resolved secret values (also their URL-encoded and base64 forms). */
export function createRedactor(secrets: Iterable<string>): Redactor {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (s.length < MIN_SECRET_LENGTH) continue;
    forms.add(s);
    forms.add(encodeComponent(s));
    forms.add(Buffer.from(s).toString('base64').replace(/=+$/, ''));
  }
  const list = [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  const re = list.length ? new RegExp(list.map(escapeRegex).join('|'), 'g') : null;
  const text = (s: string): string => (re ? s.replace(re, REDACTED) : s);
  const json = <T>(v: T): T => {
    if (typeof v === 'string') return text(v) as T;
    if (Array.isArray(v)) return v.map(json) as T;
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), json(x)])) as T;
    return v;
  };
  return {
    text,
    json,
    headers: (l) => l.map((h) => ({ ...h, value: text(maskHeaderValue(h.name, h.value)) })),
    tuples: (l) => l.map(([n, v]) => [n, text(maskHeaderValue(n, v))]),
  };
}
