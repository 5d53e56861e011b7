// What each {{variable}} of the URL stands for, from the tab's last workspace.resolve: its value
// (a secret's is never shown), the scope it came from, or why it is missing.
import { resolveSegments, type Segment } from './resolve-segments';
import type { Resolved } from './resolved.store';

export interface VarInfo {
  name: string;
  /** null when unresolved or secret */
  value: string | null;
  scope: string | null;
  secret: boolean;
  /** why it is not resolved, when it is not */
  missing: string | null;
}

/** The resolved request's URL with its enabled params, as the preview shows it. */
export function resolvedUrl(r: Resolved): string {
  const q = r.request.params.filter((p) => p.enabled && (p.name || p.value)).map((p) => (p.value ? `${p.name}=${p.value}` : p.name));
  return q.length ? `${r.request.url}${r.request.url.includes('?') ? '&' : '?'}${q.join('&')}` : r.request.url;
}

/** Segments of the template lined up with the resolved URL; secret values replaced by dots. */
export function maskedSegments(template: string, r: Resolved): Segment[] {
  const missing = new Set(r.unresolved.map((u) => u.name));
  const secret = new Set(r.used.filter((u) => u.secret).map((u) => u.name));
  return resolveSegments(template, resolvedUrl(r), missing).map((s) => (s.kind === 'var' && s.resolved && secret.has(s.name) ? { ...s, text: '••••••' } : s));
}

export function varInfos(template: string, r: Resolved | null): Map<string, VarInfo> {
  const out = new Map<string, VarInfo>();
  if (!r) return out;
  const used = new Map(r.used.map((u) => [u.name, u]));
  for (const s of resolveSegments(template, resolvedUrl(r), new Set(r.unresolved.map((u) => u.name)))) {
    if (s.kind !== 'var' || out.has(s.name)) continue;
    const u = used.get(s.name);
    const miss = r.unresolved.find((x) => x.name === s.name);
    const secret = u?.secret === true;
    out.set(s.name, { name: s.name, value: s.resolved && !secret ? s.text : null, scope: u?.scope ?? null, secret,
      missing: s.resolved ? null : (miss?.reason ?? 'not defined in any scope') });
  }
  return out;
}
