// The one refusal rule. Every caller (send, run, history, the app's badge and dots, the runner's
// summary) decides "was this refused?" here, so a 200 whose JSON says the call was denied is a
// refusal everywhere or nowhere. Kept free of the explainer itself: importing it costs nothing.

/** Statuses that are refusals whatever the body says. */
export const REFUSAL_STATUSES: ReadonlySet<number> = new Set([401, 403, 407, 429, 451]);

export function isRefusalStatus(status: number | null | undefined): boolean {
  return typeof status === 'number' && REFUSAL_STATUSES.has(status);
}

/** Header lists as responses carry them (pairs, duplicates kept) or as explain() input takes them. */
export type HeaderSource = ReadonlyArray<readonly [string, string]> | Readonly<Record<string, string | readonly string[]>>;

function contentTypeOf(headers: HeaderSource | undefined): string {
  if (!headers) return '';
  if (Array.isArray(headers)) {
    const pair = (headers as ReadonlyArray<readonly [string, string]>).find(([n]) => n.toLowerCase() === 'content-type');
    return pair?.[1] ?? '';
  }
  for (const [name, value] of Object.entries(headers as Record<string, string | readonly string[]>)) {
    if (name.toLowerCase() === 'content-type') return (typeof value === 'string' ? value : value[0]) ?? '';
  }
  return '';
}

// Media a refusal is never written in: an image or an archive is the resource itself.
const MEDIA_PREFIXES = ['image/', 'audio/', 'video/', 'font/', 'model/'];
const MEDIA_TYPES = new Set(['application/octet-stream', 'application/pdf', 'application/zip', 'application/gzip', 'application/wasm']);

/**
 * Whether a response can be a refusal, i.e. whether the explainer must run to decide. False for
 * 1xx and 3xx (an interim answer or a pointer elsewhere) and for a 2xx carrying binary media; true
 * for every 4xx/5xx and for other 2xx (block pages and `{"ok":false,"error":"not_authed"}` come
 * with 200). explain() obeys it too: it never marks a response this returns false for as blocked.
 */
export function mayBeRefusal(status: number, headers?: HeaderSource): boolean {
  if (status >= 400) return true;
  if (status < 200 || status >= 300) return false;
  const type = contentTypeOf(headers).split(';')[0]!.trim().toLowerCase();
  return !(MEDIA_TYPES.has(type) || MEDIA_PREFIXES.some((p) => type.startsWith(p)));
}

/**
 * Was the call refused? A refusal status, or the explainer's verdict (`blocked`) when there is
 * one. `explanation` is null when mayBeRefusal() said there was nothing to explain, or for a
 * record kept before the verdict was stored.
 */
export function isRefusal(response: { status: number | null }, explanation?: { blocked: boolean } | null): boolean {
  return isRefusalStatus(response.status) || explanation?.blocked === true;
}
