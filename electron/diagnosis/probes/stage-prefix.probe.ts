// The stage or route prefix: API gateways serve a deployment under `/{stage}` or a base path
// (`/prod`, `/v1`, Apigee's basepath, Tyk's listen path) and answer an unmatched path with a 403
// (API Gateway's "Missing Authentication Token"), not a 404. The same request is tried with the
// prefix taken off, or put on — the gateway profile's `rewrite.prefix` first, then the usual stage
// names — on the same host only.
import { withPath } from '../edit';
import type { ProbeContext, ProbeFamily, ProbeVariant } from '../types';

/** A first path segment that reads as a stage, version or API base. */
const STAGE_SEGMENT = /^\/(prod|production|dev|develop|development|stage|staging|test|qa|uat|sandbox|live|default|v\d+(?:\.\d+)?|api)(?=\/|$)/i;
/** Prefixes tried on a path that has none, when the refusal reads as an unmatched gateway route. */
const COMMON = ['/prod', '/v1'];
const MAX_VARIANTS = 4;

/** The gateway profile's route/stage prefix, unless it is still a template (`/{stage}`). */
function gatewayPrefix(ctx: ProbeContext): string | null {
  const prefix = ctx.baseline.gateway?.profile.rewrite?.prefix?.replace(/\/+$/, '') ?? '';
  return prefix && prefix !== '/' && !/[{}]/.test(prefix) ? (prefix.startsWith('/') ? prefix : `/${prefix}`) : null;
}

/** An unmatched route at a gateway: the explainer's path rule from a gateway (API Gateway's Missing Authentication Token…). */
function gatewayRouteRefusal(ctx: ProbeContext): boolean {
  const e = ctx.explanation;
  return e.cause === 'method-or-path-blocked' && (e.producer?.kind === 'gateway' || /gateway|apigee|apim|kong|tyk/i.test(e.producer?.id ?? ''));
}

const startsWith = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`);

/** The paths to try, each with what it changes: the gateway's prefix first, then a stage-like segment off, then the usual stages on. */
export function prefixPaths(path: string, gwPrefix: string | null, tryCommon: boolean): Array<{ path: string; prefix: string; added: boolean }> {
  const out: Array<{ path: string; prefix: string; added: boolean }> = [];
  const add = (p: string, prefix: string, added: boolean): void => {
    const clean = p.replace(/\/{2,}/g, '/') || '/';
    if (clean !== path && !out.some((x) => x.path === clean)) out.push({ path: clean, prefix, added });
  };
  if (gwPrefix) {
    if (startsWith(path, gwPrefix)) add(path.slice(gwPrefix.length) || '/', gwPrefix, false);
    else add(`${gwPrefix}${path}`, gwPrefix, true);
  }
  const stage = STAGE_SEGMENT.exec(path)?.[0];
  if (stage) add(path.slice(stage.length) || '/', stage, false);
  if (tryCommon && !stage) for (const p of COMMON) add(`${p}${path}`, p, true);
  return out.slice(0, MAX_VARIANTS);
}

export const stagePrefixProbe: ProbeFamily = {
  id: 'stage-prefix',
  priority: (ctx) => {
    if (gatewayRouteRefusal(ctx)) return 78;
    if (gatewayPrefix(ctx)) return 62;
    return ctx.explanation.cause === 'method-or-path-blocked' && STAGE_SEGMENT.test(new URL(ctx.baseline.url).pathname) ? 40 : 0;
  },
  variants: (ctx) => {
    const path = new URL(ctx.baseline.url).pathname;
    const out: ProbeVariant[] = [];
    for (const v of prefixPaths(path, gatewayPrefix(ctx), gatewayRouteRefusal(ctx))) {
      out.push({
        id: `stage-prefix:${v.added ? 'with' : 'without'}:${v.prefix.replace(/^\//, '')}`, family: 'stage-prefix',
        change: `path ${v.path} instead of ${path} (${v.added ? 'with' : 'without'} the stage or route prefix ${v.prefix})`, prepared: withPath(ctx.baseline, v.path),
        cause: 'method-or-path-blocked', step: 'gateway',
        meaning: {
          onSuccess: v.added
            ? `the route is served under ${v.prefix}: the request lacked the stage or route prefix, and the gateway refuses a path no route matches`
            : `the route is served without ${v.prefix}: that stage or route prefix is not part of this deployment (a custom domain or base path mapping strips it)`,
          onSame: `${v.path} is refused the same way: the ${v.added ? 'missing' : 'extra'} prefix ${v.prefix} is not the problem`,
          onOther: (status) => `${v.path} answers ${status}${status === 404 ? ': no such route there either' : ''}`,
        },
      });
    }
    return out;
  },
};
