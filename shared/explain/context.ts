import { bodyView, embeddedJson } from './body-view';
import { htmlToText, looksLikeHtml } from './html-text';
import type { Ctx, ExplainInput } from './types';

/** Bodies are scanned up to this many characters. */
export const BODY_SCAN_LIMIT = 64 * 1024;

export function normalizeHeaders(headers: ExplainInput['headers'] | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (name: string, value: string): void => {
    const key = name.trim().toLowerCase();
    if (!key) return;
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  if (Array.isArray(headers)) {
    for (const pair of headers) if (pair && typeof pair[0] === 'string') add(pair[0], String(pair[1] ?? ''));
  } else if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers)) {
      if (Array.isArray(value)) for (const v of value) add(name, String(v));
      else if (value !== undefined && value !== null) add(name, String(value));
    }
  }
  return map;
}

export function buildContext(input: ExplainInput): Ctx {
  const headers = normalizeHeaders(input.headers);
  const raw = typeof input.body === 'string' ? input.body : '';
  const body = raw.length > BODY_SCAN_LIMIT ? raw.slice(0, BODY_SCAN_LIMIT) : raw;
  const contentType = headers.get('content-type')?.[0];
  const trimmed = body.trimStart();
  let json: unknown = undefined;
  let isJson = false;
  if ((trimmed[0] === '{' || trimmed[0] === '[') && raw.length <= BODY_SCAN_LIMIT) {
    try {
      json = JSON.parse(body);
      isJson = true;
    } catch {
      isJson = false;
    }
  }
  const isHtml = !isJson && looksLikeHtml(body, contentType);
  const text = isHtml ? htmlToText(body) : body;
  const textLength = isHtml ? text.length : body.trim().length;
  const view = isHtml ? null : bodyView(body);
  if (!isJson && !isHtml) json = embeddedJson(view ? view.text : body);
  return { status: input.status, headers, body, isHtml, isJson, json, view, text, textLength };
}
