import { SendFailure } from './send-failure';
import { dropBodyHeaders, dropCredentials, type BaseHeaders } from './wire-headers';
import type { RedirectHop } from '../../shared/model';

const REDIRECT = new Set([301, 302, 303, 307, 308]);

export function isRedirect(status: number, headers: ReadonlyArray<readonly [string, string]>): boolean {
  return REDIRECT.has(status) && location(headers) !== undefined;
}

function location(headers: ReadonlyArray<readonly [string, string]>): string | undefined {
  for (const [k, v] of headers) if (k.length === 8 && k.toLowerCase() === 'location') return v;
  return undefined;
}

export interface NextHop {
  url: URL;
  method: string;
  base: BaseHeaders;
  keepBody: boolean;
  hop: RedirectHop;
}

/** What the next request looks like after a redirect: method, body, carried headers. */
export function nextHop(status: number, headers: ReadonlyArray<readonly [string, string]>, from: URL, method: string,
  base: BaseHeaders, hasBody: boolean): NextHop {
  const loc = location(headers)!;
  let url: URL;
  try {
    url = new URL(loc, from);
  } catch {
    throw new SendFailure('invalid-url', `${from.href} redirected to an invalid Location ${JSON.stringify(loc)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SendFailure('redirect-not-http', `${from.href} redirected to a non-http(s) URL ${url.href}, not followed`);
  }
  url.hash = '';
  const droppedHeaders: string[] = [];
  let next = base;
  let nextMethod = method;
  let keepBody = hasBody;
  // 303 turns everything but HEAD into GET; 301/302 do so for POST, as browsers and curl do.
  if ((status === 303 && method !== 'GET' && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
    nextMethod = 'GET';
    if (hasBody) droppedHeaders.push('Content-Length');
    const d = dropBodyHeaders(next);
    next = d.base;
    droppedHeaders.push(...d.dropped);
    if (hasBody && !base.userContentType) droppedHeaders.push('Content-Type');
    keepBody = false;
  }
  const crossOrigin = url.origin !== from.origin;
  if (crossOrigin) {
    const d = dropCredentials(next);
    next = d.base;
    droppedHeaders.push(...d.dropped);
  }
  return {
    url, method: nextMethod, base: next, keepBody,
    hop: { status, from: from.href, location: url.href, method: nextMethod, droppedHeaders, droppedBody: hasBody && !keepBody, crossOrigin },
  };
}
