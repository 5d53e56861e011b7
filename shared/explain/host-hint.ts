import { API_HOSTS } from './producers/api-hosts';
import { producerById } from './producers/index';
import type { Producer } from './types';

export { hostOf } from './host-of';

/**
 * The request's host as a last hint for the producer: `api.github.com` answering a bare 403 is GitHub's
 * API, and its checklist (token scopes, SSO) is the one to follow. Used only when the response itself
 * names no layer — any header, page or envelope of a layer outranks the host, because a proxy, a WAF
 * or a CDN in front answers for the host as often as the service does.
 */
function matches(host: string, pattern: string | RegExp): boolean {
  if (typeof pattern !== 'string') return pattern.test(host);
  return host === pattern || host.endsWith(`.${pattern}`);
}

const cache = new Map<string, Producer | null>();

/** The registered service whose public API host this is, or null. */
export function producerForHost(host: string): Producer | null {
  let hit = cache.get(host);
  if (hit !== undefined) return hit;
  const entry = API_HOSTS.find(([, hosts]) => hosts.some((p) => matches(host, p)));
  hit = (entry && producerById(entry[0])) ?? null;
  if (cache.size >= 512) cache.clear();
  cache.set(host, hit);
  return hit;
}
