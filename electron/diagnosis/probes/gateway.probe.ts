// Direct to the URL instead of through the gateway profile (and, when the send used a forward
// proxy, without it): a layer on the way that refuses shows up as the difference. A proxy's own
// refusal tries "without the proxy" first; a gateway profile that only adds the proxy gets that one
// probe, not two identical ones.
import { clone } from '../edit';
import type { PreparedRequest } from '../../pipeline/prepared';
import type { ProbeFamily, ProbeVariant } from '../types';

/** The same request on the wire but for the forward proxy (a gateway profile that is only a proxy). */
function sameButProxy(a: PreparedRequest, b: PreparedRequest): boolean {
  const rows = (p: PreparedRequest): string => JSON.stringify([p.method, p.url, p.params, p.headers.map((h) => [h.name.toLowerCase(), h.value]), p.key?.name ?? null]);
  return rows(a) === rows(b);
}

export const gatewayProbe: ProbeFamily = {
  id: 'gateway',
  priority: (ctx) => (ctx.baseline.gateway || ctx.baseline.options.proxy ? (ctx.explanation.cause === 'proxy-denied' ? 90 : 50) : 0),
  variants: async (ctx) => {
    const out: ProbeVariant[] = [];
    let noProxy: PreparedRequest | null = null;
    if (ctx.baseline.options.proxy) {
      noProxy = clone(ctx.baseline);
      const { proxy: _p, ...options } = noProxy.options;
      noProxy.options = options;
      out.push({
        id: 'gateway:no-proxy', family: 'gateway', change: `without the forward proxy ${ctx.baseline.options.proxy.url}`, prepared: noProxy,
        cause: 'proxy-denied', step: 'server',
        meaning: {
          onSuccess: 'without the forward proxy the call succeeds: the proxy refuses this destination (its access rules)',
          onSame: 'without the proxy the refusal is the same: the proxy is not the layer that refuses',
        },
      });
    }
    if (ctx.baseline.gateway) {
      const name = ctx.baseline.gateway.name;
      // The key may not be bound to the direct host: then the direct probe goes without it.
      const direct = await ctx.prepareWith({ gateway: 'direct' }).catch(() => ctx.prepareWith({ gateway: 'direct', key: 'none' })).catch(() => null);
      if (direct && !(noProxy && !direct.options.proxy && sameButProxy(direct, noProxy))) {
        const v: ProbeVariant = {
          id: 'gateway:direct', family: 'gateway', change: `direct to ${new URL(direct.url).host}, not through gateway "${name}"${direct.key || !ctx.baseline.key ? '' : ' (without the key: it is not bound there)'}`,
          prepared: direct, cause: 'method-or-path-blocked', step: 'gateway', diagnosticOnly: !direct.key && Boolean(ctx.baseline.key),
          meaning: {
            onSuccess: `the upstream answers directly: gateway "${name}" is the layer that refuses (its route, plugin or policy)`,
            onSame: `direct, the refusal is the same: the upstream refuses, not gateway "${name}"`,
          },
        };
        // A proxy's own refusal: without the proxy first; otherwise the gateway as a whole first.
        if (ctx.explanation.cause === 'proxy-denied' || ctx.explanation.producer?.kind === 'proxy') out.push(v);
        else out.unshift(v);
      }
    }
    return out;
  },
};
