// Params and URL stay in sync textually: values are kept exactly as typed (no decoding), so a
// round trip never rewrites what the user wrote, variables like {{base}} included.

export interface QueryRow {
  name: string;
  value: string;
  enabled: boolean;
}

function splitUrl(url: string): { base: string; query: string | null; hash: string } {
  const hashAt = url.indexOf('#');
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  const rest = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const q = rest.indexOf('?');
  return q >= 0 ? { base: rest.slice(0, q), query: rest.slice(q + 1), hash } : { base: rest, query: null, hash };
}

export function parseQuery(url: string): QueryRow[] {
  const { query } = splitUrl(url);
  if (!query) return [];
  return query.split('&').filter((p) => p.length > 0).map((pair) => {
    const eq = pair.indexOf('=');
    return eq >= 0
      ? { name: pair.slice(0, eq), value: pair.slice(eq + 1), enabled: true }
      : { name: pair, value: '', enabled: true };
  });
}

export function withQuery(url: string, rows: readonly QueryRow[]): string {
  const { base, hash } = splitUrl(url);
  const parts = rows.filter((r) => r.enabled && (r.name || r.value)).map((r) => (r.value ? `${r.name}=${r.value}` : r.name));
  return parts.length ? `${base}?${parts.join('&')}${hash}` : `${base}${hash}`;
}

/** New params after the URL was edited: the URL's query replaces the enabled rows, disabled rows stay. */
export function syncParamsFromUrl(url: string, previous: readonly QueryRow[]): QueryRow[] {
  return [...parseQuery(url), ...previous.filter((r) => !r.enabled)];
}
