// A gateway profile's base-URL rewrite: upstream base → gateway base + route/stage prefix.
import { effectivePort, originOf, splitUrl, type UrlParts } from './url-parts';
import type { Rewrite } from '../model/profiles';

export interface RewriteResult {
  /** the URL to send (the input when nothing changed) */
  url: string;
  changed: boolean;
  /** one line for the timeline: what changed and why, or why nothing did */
  description: string;
}

function joinPaths(...parts: string[]): string {
  const segs = parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean);
  return `/${segs.join('/')}`;
}

function samePlace(a: UrlParts, b: UrlParts): boolean {
  return a.scheme === b.scheme && a.host === b.host && effectivePort(a) === effectivePort(b);
}

/** The rest of `path` after `base` when `base` is a whole-segment prefix of it, else null. */
function restAfter(path: string, base: string): string | null {
  const b = base.replace(/\/+$/, '');
  if (b === '') return path;
  if (path === b) return '';
  if (path.startsWith(`${b}/`)) return path.slice(b.length);
  return null;
}

/**
 * Rewrites `url` for a gateway. With `from`, only URLs under that base are rewritten (others are
 * returned unchanged with the reason); without it, any URL keeps its path under the gateway base.
 * A URL already under the gateway base + prefix is left alone, so rewriting twice is harmless.
 */
export function rewriteUrl(url: string, rewrite: Rewrite, gatewayName = 'gateway'): RewriteResult {
  const src = splitUrl(url);
  const to = splitUrl(rewrite.to);
  if (!src) return { url, changed: false, description: `Gateway "${gatewayName}": ${url} is not an http(s) URL; not rewritten` };
  if (!to) return { url, changed: false, description: `Gateway "${gatewayName}": its base ${rewrite.to} is not an http(s) URL; not rewritten` };
  const target = joinPaths(to.path, rewrite.prefix);
  if (samePlace(src, to) && restAfter(src.path, target) !== null) {
    return { url, changed: false, description: `Gateway "${gatewayName}": ${url} already targets ${originOf(to)}${target === '/' ? '' : target}; not rewritten` };
  }
  let rest: string;
  let fromText = originOf(src);
  if (rewrite.from !== undefined) {
    const from = splitUrl(rewrite.from);
    if (!from) return { url, changed: false, description: `Gateway "${gatewayName}": its upstream base ${rewrite.from} is not an http(s) URL; not rewritten` };
    const after = samePlace(src, from) ? restAfter(src.path, from.path) : null;
    if (after === null) {
      return { url, changed: false, description: `Gateway "${gatewayName}": ${url} is not under the upstream base ${rewrite.from}; sent as written` };
    }
    rest = after;
    fromText = `${originOf(from)}${from.path === '/' ? '' : from.path.replace(/\/+$/, '')}`;
  } else {
    rest = src.path;
  }
  const keepSlash = rest.endsWith('/') && rest !== '/';
  let path = joinPaths(to.path, rewrite.prefix, rest);
  if (keepSlash || (rest === '/' && path !== '/')) path += '/';
  const out = `${originOf(to)}${path}${src.search}${src.hash}`;
  const prefix = rewrite.prefix ? `, prefix ${joinPaths(rewrite.prefix)}` : '';
  return {
    url: out,
    changed: out !== url,
    description: `Gateway "${gatewayName}" rewrote ${url} → ${out} (base ${fromText} → ${originOf(to)}${to.path === '/' ? '' : to.path.replace(/\/+$/, '')}${prefix})`,
  };
}
