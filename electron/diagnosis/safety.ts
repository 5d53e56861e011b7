// What a probe may never do: send an unsafe method without permission, send a spoofing header the
// user did not write (X-Forwarded-For, X-Original-URL…), or take a credential to a host its key is
// not bound to.
import { matchHostBinding } from '../../shared/profiles';
import type { PreparedRequest } from '../pipeline/prepared';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Headers that claim another client address or rewrite the route behind a proxy: never added by a probe. */
const SPOOFING = new Set([
  'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'x-client-ip', 'x-originating-ip', 'x-remote-ip', 'x-remote-addr',
  'true-client-ip', 'cf-connecting-ip', 'forwarded', 'x-original-url', 'x-rewrite-url', 'x-override-url', 'x-host', 'x-http-method-override',
  'x-http-method', 'x-method-override', 'x-custom-ip-authorization', 'x-cluster-client-ip',
]);

/** Why a variant may not be sent, or null when it may. */
export function refusedVariant(v: PreparedRequest, baseline: PreparedRequest, allowUnsafe: boolean): string | null {
  if (!allowUnsafe && !SAFE_METHODS.has(v.method)) return `${v.method} is not re-sent without --allow-unsafe`;
  const had = new Set(baseline.headers.map((h) => h.name.toLowerCase()));
  const spoof = v.headers.find((h) => SPOOFING.has(h.name.toLowerCase()) && !had.has(h.name.toLowerCase()));
  if (spoof) return `${spoof.name} is a spoofing header: never added by a probe`;
  if (/(^|\/)\.\.(\/|$)|%2e%2e/i.test(new URL(v.url).pathname)) return 'path traversal is never probed';
  const from = new URL(baseline.url);
  const to = new URL(v.url);
  if (from.host !== to.host && baseline.key && v.key?.name === baseline.key.name) {
    const port = to.port || (to.protocol === 'https:' ? '443' : '80');
    if (matchHostBinding(baseline.key.profile.hosts, { host: to.hostname, port }) === null) return `key "${baseline.key.name}" is not bound to ${to.host}`;
  }
  return null;
}
