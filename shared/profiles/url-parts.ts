// A small URL splitter for shared/ (no WHATWG URL here: shared runs without DOM or Node types).

export interface UrlParts {
  /** `http` or `https`, lower case */
  scheme: string;
  /** host as written, lower case, brackets kept for IPv6 */
  host: string;
  /** explicit port, or '' */
  port: string;
  /** path starting with '/', '/' when empty */
  path: string;
  /** '?...' or '' */
  search: string;
  /** '#...' or '' */
  hash: string;
}

const URL_RE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?([^?#]*)(\?[^#]*)?(#.*)?$/;

/** Splits an absolute http(s) URL; null when it is not one. */
export function splitUrl(url: string): UrlParts | null {
  const m = URL_RE.exec(url.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return null;
  const host = m[2]!.toLowerCase();
  if (!host) return null;
  return { scheme, host, port: m[3] ?? '', path: m[4] || '/', search: m[5] ?? '', hash: m[6] ?? '' };
}

export function defaultPort(scheme: string): string {
  return scheme === 'https' ? '443' : '80';
}

/** The port in effect: the explicit one or the scheme's default. */
export function effectivePort(p: UrlParts): string {
  return p.port || defaultPort(p.scheme);
}

/** scheme://host[:port] with the default port left out. */
export function originOf(p: UrlParts): string {
  const port = p.port && p.port !== defaultPort(p.scheme) ? `:${p.port}` : '';
  return `${p.scheme}://${p.host}${port}`;
}
