// Which hosts a key may be sent to. Pure: the engine and the UI share it.

export interface HostTarget {
  /** host name or IP, no brackets needed for IPv6 */
  host: string;
  /** the port in effect ('' = unknown, matches only patterns without a port) */
  port: string;
}

function normalizeHost(h: string): string {
  return h.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

/** Splits `host`, `host:port`, `[v6]:port` or `*.domain[:port]`. */
export function parseHostPattern(pattern: string): { host: string; port: string } {
  const p = pattern.trim();
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(p);
  if (v6) return { host: normalizeHost(v6[1]!), port: v6[2] ?? '' };
  const i = p.lastIndexOf(':');
  if (i > 0 && p.indexOf(':') === i && /^\d+$/.test(p.slice(i + 1))) return { host: normalizeHost(p.slice(0, i)), port: p.slice(i + 1) };
  return { host: normalizeHost(p), port: '' };
}

/**
 * True when one pattern admits the target: `*` any host; `*.example.com` any subdomain at any depth
 * but not example.com itself; otherwise the exact name (case-insensitive, trailing dot ignored).
 * A pattern with a port admits that port only; without one, any port.
 */
export function hostMatches(pattern: string, target: HostTarget): boolean {
  const p = parseHostPattern(pattern);
  if (p.port && p.port !== target.port) return false;
  const host = normalizeHost(target.host);
  if (p.host === '*') return true;
  if (p.host.startsWith('*.')) {
    const suffix = p.host.slice(1);
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  return host === p.host;
}

/** The first pattern that admits the target, or null: the key must not be sent there. */
export function matchHostBinding(patterns: readonly string[], target: HostTarget): string | null {
  for (const pattern of patterns) if (hostMatches(pattern, target)) return pattern;
  return null;
}
