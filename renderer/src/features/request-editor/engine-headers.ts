// The headers a request gets besides its own rows, in wire order, as the Headers tab shows them:
// what the engine computes (Host, Connection, Content-Length: always sent), its defaults
// (User-Agent, Accept, Accept-Encoding, the body's Content-Type: each can be switched off), and
// the folder's and collection's default headers of a workspace request.
import { clearanceUserAgent, DEFAULT_ACCEPT, DEFAULT_ACCEPT_ENCODING, impliedContentType } from '../../../../shared/http/default-headers';
import type { Body, OmittableHeader } from '../../../../shared/model';

export interface EngineHeaderRow {
  name: string;
  value: string;
  origin: 'computed' | 'default' | 'folder' | 'collection';
  /** the switch's key when the row can be switched off */
  omit?: OmittableHeader;
  off: boolean;
  /** one of the request's own rows has this name: it is sent instead */
  replaced: boolean;
  note: string;
}

export interface EngineHeaderInput {
  url: string;
  method: string;
  body: Body;
  /** the request's own enabled rows' names */
  userNames: readonly string[];
  omit: readonly string[];
  decompress: boolean;
  version: string | null;
  injected: ReadonlyArray<{ name: string; value: string; origin: 'folder' | 'collection' }>;
}

const PAYLOAD = new Set(['POST', 'PUT', 'PATCH']);

function hostOf(url: string): string | null {
  if (/\{\{/.test(url)) return null;
  const full = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  return URL.canParse(full) ? new URL(full).host : null;
}

export function engineHeaderRows(i: EngineHeaderInput): EngineHeaderRow[] {
  const mine = new Set(i.userNames.map((n) => n.toLowerCase()));
  const row = (name: string, value: string, origin: EngineHeaderRow['origin'], note: string, omit?: OmittableHeader): EngineHeaderRow => ({
    name, value, origin, note, ...(omit ? { omit } : {}), off: omit !== undefined && i.omit.includes(omit), replaced: mine.has(name.toLowerCase()),
  });
  const rows: EngineHeaderRow[] = [
    row('Host', hostOf(i.url) ?? 'from the URL', 'computed', 'From the URL; HTTP needs it (a Host row of yours replaces it)'),
    row('Connection', i.method.toUpperCase() === 'HEAD' ? 'close' : 'keep-alive', 'computed', 'Written by the HTTP client; always sent over HTTP/1.1'),
    row('User-Agent', clearanceUserAgent(i.version ?? '…'), 'default', 'Clearance names itself; switch off to send none', 'user-agent'),
    row('Accept', DEFAULT_ACCEPT, 'default', 'Any response type; switch off to send none', 'accept'),
  ];
  if (i.decompress) rows.push(row('Accept-Encoding', DEFAULT_ACCEPT_ENCODING, 'default', 'Compressed responses are decoded for you', 'accept-encoding'));
  for (const h of i.injected) rows.push(row(h.name, h.value, h.origin, `Default header of the ${h.origin === 'folder' ? 'folder (folder.yaml)' : 'collection (clearance.yaml)'}`));
  const type = impliedContentType(i.body);
  if (type) rows.push(row('Content-Type', type === 'multipart/form-data' ? `${type}; boundary=…` : type, 'default', 'From the body type', 'content-type'));
  if (i.body.kind !== 'none' || PAYLOAD.has(i.method.toUpperCase())) {
    rows.push(row('Content-Length', 'computed when sent', 'computed', 'The body\'s size in bytes; always sent'));
  }
  return rows;
}
