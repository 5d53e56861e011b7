// The path with or without its trailing slash (a fix when the route is defined one way), and the
// root of the same host (a diagnosis only: is the whole host blocked, or a rule on this route?).
import { withPath } from '../edit';
import type { ProbeFamily, ProbeVariant } from '../types';

export const pathVariantsProbe: ProbeFamily = {
  id: 'path-variants',
  priority: (ctx) => (['method-or-path-blocked', 'directory-listing-or-filesystem', 'ip-or-geo-blocked', 'waf-or-bot-block'].includes(ctx.explanation.cause) ? 65 : 30),
  variants: (ctx) => {
    const path = new URL(ctx.baseline.url).pathname;
    const out: ProbeVariant[] = [];
    if (path !== '/') {
      const other = path.endsWith('/') ? path.replace(/\/+$/, '') || '/' : `${path}/`;
      out.push({
        id: 'path-variants:slash', family: 'path-variants', change: `path ${other} instead of ${path}`, prepared: withPath(ctx.baseline, other),
        cause: 'method-or-path-blocked', step: 'gateway',
        meaning: {
          onSuccess: `the route is defined as ${other}: the server refuses ${path} (a directory without an index, or a route rule)`,
          onSame: `${other} is refused the same way`,
        },
      });
      out.push({
        id: 'path-variants:root', family: 'path-variants', change: 'the root path / of the same host', prepared: withPath(ctx.baseline, '/', false),
        cause: 'method-or-path-blocked', step: 'server', diagnosticOnly: true,
        meaning: {
          onSuccess: `the root of ${new URL(ctx.baseline.url).host} answers: the refusal is a rule on this route, not the whole host`,
          onSame: 'the root is refused the same way: the whole host refuses you (an IP or network rule, a WAF, or the credential)',
        },
      });
    }
    return out;
  },
};
