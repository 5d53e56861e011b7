// The headers the engine adds to a request by itself, named once for the engine (which sends
// them) and the window (which shows them, greyed, each with a switch).
import type { Body } from '../model/request';

export const DEFAULT_ACCEPT = '*/*';
export const DEFAULT_ACCEPT_ENCODING = 'gzip, deflate, br';

export function clearanceUserAgent(version: string): string {
  return `clearance/${version}`;
}

/** The Content-Type sent for a body that names none (multipart adds its boundary when sent). */
export function impliedContentType(body: Body): string | undefined {
  switch (body.kind) {
    case 'json': return 'application/json';
    case 'text': return body.contentType ?? 'text/plain; charset=utf-8';
    case 'form': return 'application/x-www-form-urlencoded';
    case 'multipart': return 'multipart/form-data';
    case 'binary': return body.contentType ?? 'application/octet-stream';
    case 'none': return undefined;
  }
}
