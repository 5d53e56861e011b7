// The system proxy: the engine never takes a proxy from the environment, but curl, browsers and
// most tools do — and on a corporate network the API may only be reachable through it (an
// allow-list of the proxy's egress address, a firewall). When the request went direct and the
// environment names a proxy for its scheme (https_proxy / HTTPS_PROXY, http_proxy / HTTP_PROXY,
// no_proxy respected), the same request is tried through that proxy. The other direction (a
// gateway's or curl's proxy that refuses) is the gateway family's `gateway:no-proxy`.
import { bypassesProxy } from '../../engine/no-proxy';
import { clone } from '../edit';
import type { ProbeContext, ProbeFamily, ProbeVariant } from '../types';

type Environ = ProbeContext['environ'];

const first = (env: Environ, ...names: string[]): string | undefined => names.map((n) => env[n]?.trim()).find((v) => v);

/** The proxy the environment names for this URL (curl's and undici's reading), or null: none, or no_proxy covers the host. */
export function systemProxyFor(url: string, env: Environ): string | null {
  const u = new URL(url);
  const proxy = u.protocol === 'https:' ? first(env, 'https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY') : first(env, 'http_proxy', 'HTTP_PROXY');
  if (!proxy) return null;
  const noProxy = (first(env, 'no_proxy', 'NO_PROXY') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  // no_proxy entries may carry a port (host:port) or name the host with a leading dot.
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  const rules = noProxy.flatMap((r) => (/:\d+$/.test(r) ? (r.endsWith(`:${port}`) ? [r.replace(/:\d+$/, '')] : []) : [r]));
  if (bypassesProxy(host, rules)) return null;
  // A proxy named without a scheme (proxy.corp:3128) is plain HTTP, as curl reads it.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

/** The proxy URL without its credentials, for the notes. */
function shown(proxy: string): string {
  try {
    const u = new URL(proxy);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    // Not a URL: the engine will say so when the probe is sent; show it as the environment has it.
    return proxy;
  }
}

export const systemProxyProbe: ProbeFamily = {
  id: 'system-proxy',
  priority: (ctx) => {
    if (ctx.baseline.options.proxy || !systemProxyFor(ctx.baseline.url, ctx.environ)) return 0;
    // A refusal by network address is what a proxy's egress changes; otherwise a cheap check late in the plan.
    return ctx.explanation.cause === 'ip-or-geo-blocked' ? 85 : 45;
  },
  variants: (ctx) => {
    const proxy = systemProxyFor(ctx.baseline.url, ctx.environ);
    if (!proxy || ctx.baseline.options.proxy) return [];
    const prepared = clone(ctx.baseline);
    prepared.options = { ...prepared.options, proxy: { url: proxy, noProxy: [] } };
    const v: ProbeVariant = {
      id: 'system-proxy:env', family: 'system-proxy', change: `through the system proxy ${shown(proxy)} (from the environment)`, prepared,
      cause: 'ip-or-geo-blocked', step: 'server',
      meaning: {
        onSuccess: `through the system proxy ${shown(proxy)} the call succeeds: the API accepts this network only through the proxy (its egress address is allowed, this machine's is not)`,
        onSame: 'through the system proxy the refusal is the same: the direct path is not what is refused',
      },
    };
    return [v];
  },
};
