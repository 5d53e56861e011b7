import type { BaseHeaders } from './wire-headers';
import type { WireHeader } from '../../shared/model';

// Connection-specific fields HTTP/2 forbids (RFC 9113 §8.2.2). Node's http2 throws on them from a
// socket callback, outside any request's error path, so they must never reach an HTTP/2 stream.
const CONNECTION_SPECIFIC = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'http2-settings']);
const EXPECTS_PAYLOAD = new Set(['POST', 'PUT', 'PATCH']);

function connectionSpecific(h: WireHeader): boolean {
  const lower = h.name.toLowerCase();
  return CONNECTION_SPECIFIC.has(lower) || (lower === 'te' && h.value.trim().toLowerCase() !== 'trailers');
}

/**
 * Rows HTTP/2 cannot carry as written: connection-specific fields, and a name written a second
 * time in another case (HTTP/2 lower-cases names, and Node refuses two fields for a single-value one).
 */
export function h1OnlyHeaders(list: readonly WireHeader[]): string[] {
  const out: string[] = [];
  const spelling = new Map<string, string>();
  for (const h of list) {
    const lower = h.name.toLowerCase();
    const first = spelling.get(lower);
    if (first === undefined) spelling.set(lower, h.name);
    if (connectionSpecific(h) || (first !== undefined && first !== h.name)) out.push(h.name);
  }
  return out;
}

/** The base made fit for a required HTTP/2: connection-specific rows dropped, a second spelling written as the first (its values are then joined). */
export function fitForH2(base: BaseHeaders): { base: BaseHeaders; dropped: string[] } {
  const dropped: string[] = [];
  const spelling = new Map<string, string>();
  const list: WireHeader[] = [];
  for (const h of base.list) {
    if (connectionSpecific(h)) {
      dropped.push(h.name);
      continue;
    }
    const lower = h.name.toLowerCase();
    const first = spelling.get(lower) ?? h.name;
    spelling.set(lower, first);
    list.push(first === h.name ? h : { ...h, name: first });
  }
  return { base: dropped.length > 0 || list.some((h, i) => h !== base.list[i]) ? { ...base, list } : base, dropped };
}

/**
 * The HTTP/1.1 header block of a hop as HTTP/2 carries it: the pseudo-headers first (in Node's
 * order), names lower-cased, no Connection, same-named rows joined with ", " as undici does (a
 * lower-case `cookie` stays one field per row), Content-Length only where undici sends it.
 */
export function h2Wire(h1: readonly WireHeader[], method: string, url: URL): WireHeader[] {
  const host = h1.find((h) => h.name === 'host');
  const out: WireHeader[] = [
    { name: ':authority', value: host?.value ?? url.host, origin: host?.origin ?? 'computed' },
    { name: ':method', value: method, origin: 'computed' },
    { name: ':path', value: `${url.pathname}${url.search}`, origin: 'computed' },
    { name: ':scheme', value: url.protocol.slice(0, -1), origin: 'computed' },
  ];
  const byName = new Map<string, WireHeader>();
  for (const h of h1) {
    const lower = h.name.toLowerCase();
    if (lower === 'host' || lower === 'connection') continue;
    if (lower === 'content-length' && !EXPECTS_PAYLOAD.has(method)) continue;
    const prev = h.name === 'cookie' ? undefined : byName.get(h.name);
    if (prev) {
      prev.value += `, ${h.value}`;
      if (h.sensitive) prev.sensitive = true;
      continue;
    }
    const row: WireHeader = { ...h, name: lower };
    byName.set(h.name, row);
    out.push(row);
  }
  return out;
}
