// A gateway profile as the editor holds it, and back; presets fill it from their template.
import { GatewayProfileSchema, type GatewayProfile, type GatewayProfileInput, type SecretRef } from '../../../../shared/model';
import type { HeaderRow } from './key-form';
import type { Preset } from './profiles.store';

export interface GatewayForm {
  name: string; description: string; preset: string;
  rewriteOn: boolean; from: string; to: string; prefix: string;
  proxyOn: boolean; proxyUrl: string; proxyUser: string; noProxy: string;
  headers: HeaderRow[];
  tlsVerify: boolean; ca: string; cert: string; key: string; servername: string;
  connectMs: string; firstByteMs: string; totalMs: string;
  /** env var per secret field (`headers.X`, `proxy.password`) */
  env: Record<string, string>;
}

export function emptyGatewayForm(): GatewayForm {
  return {
    name: '', description: '', preset: 'direct', rewriteOn: false, from: '', to: '', prefix: '',
    proxyOn: false, proxyUrl: '', proxyUser: '', noProxy: '', headers: [],
    tlsVerify: true, ca: '', cert: '', key: '', servername: '', connectMs: '', firstByteMs: '', totalMs: '', env: {},
  };
}

const opt = (k: string, v: string) => (v.trim() ? { [k]: v.trim() } : {});
const num = (k: string, v: string) => (v.trim() ? { [k]: Number(v) } : {});
const ref = (f: GatewayForm, field: string): SecretRef => (f.env[field]?.trim() ? { secret: true, env: f.env[field]!.trim() } : { secret: true });

export function gatewaySecretFieldsOf(f: GatewayForm): Array<{ field: string; label: string }> {
  const out = f.headers.filter((h) => h.secret && h.name.trim()).map((h) => ({ field: `headers.${h.name.trim()}`, label: `Header ${h.name.trim()}` }));
  if (f.proxyOn && f.proxyUser.trim()) out.push({ field: 'proxy.password', label: 'Proxy password' });
  return out;
}

export function gatewayFromForm(f: GatewayForm): GatewayProfileInput {
  const tls = { ...(f.tlsVerify ? {} : { verify: false }), ...opt('ca', f.ca), ...opt('cert', f.cert), ...opt('key', f.key), ...opt('servername', f.servername) };
  const timeouts = { ...num('connectMs', f.connectMs), ...num('firstByteMs', f.firstByteMs), ...num('totalMs', f.totalMs) };
  return {
    name: f.name.trim(), ...opt('description', f.description), ...opt('preset', f.preset),
    ...(f.rewriteOn ? { rewrite: { ...opt('from', f.from), to: f.to.trim(), prefix: f.prefix.trim() } } : {}),
    ...(f.proxyOn ? { proxy: { url: f.proxyUrl.trim(), ...opt('username', f.proxyUser), ...(f.proxyUser.trim() ? { password: ref(f, 'proxy.password') } : {}),
      noProxy: f.noProxy.split(/[\s,]+/).filter(Boolean) } } : {}),
    headers: f.headers.filter((h) => h.name.trim()).map((h) => ({ name: h.name.trim(), value: h.secret ? ref(f, `headers.${h.name.trim()}`) : h.value })),
    ...(Object.keys(tls).length ? { tls } : {}),
    ...(Object.keys(timeouts).length ? { timeouts } : {}),
  };
}

export function formFromGateway(p: GatewayProfile): GatewayForm {
  const f = emptyGatewayForm();
  Object.assign(f, { name: p.name, description: p.description ?? '', preset: p.preset ?? '' });
  if (p.rewrite) Object.assign(f, { rewriteOn: true, from: p.rewrite.from ?? '', to: p.rewrite.to, prefix: p.rewrite.prefix });
  if (p.proxy) {
    Object.assign(f, { proxyOn: true, proxyUrl: p.proxy.url, proxyUser: p.proxy.username ?? '', noProxy: p.proxy.noProxy.join(', ') });
    if (p.proxy.password?.env) f.env['proxy.password'] = p.proxy.password.env;
  }
  f.headers = p.headers.map((h) => (typeof h.value === 'string'
    ? { name: h.name, value: h.value, secret: false, env: '' } : { name: h.name, value: '', secret: true, env: h.value.env ?? '' }));
  for (const h of p.headers) if (typeof h.value !== 'string' && h.value.env) f.env[`headers.${h.name}`] = h.value.env;
  if (p.tls) Object.assign(f, { tlsVerify: p.tls.verify, ca: p.tls.ca ?? '', cert: p.tls.cert ?? '', key: p.tls.key ?? '', servername: p.tls.servername ?? '' });
  if (p.timeouts) Object.assign(f, { connectMs: String(p.timeouts.connectMs ?? ''), firstByteMs: String(p.timeouts.firstByteMs ?? ''), totalMs: String(p.timeouts.totalMs ?? '') });
  return f;
}

/** Picks a preset: its id, and its template's rewrite and headers where the form has none yet. */
export function applyPreset(f: GatewayForm, p: Preset): GatewayForm {
  const t = p.template as Partial<GatewayProfileInput>;
  const next: GatewayForm = { ...f, preset: p.id };
  if (t.rewrite) Object.assign(next, { rewriteOn: true, to: f.to || t.rewrite.to, prefix: f.prefix || (t.rewrite.prefix ?? ''), from: f.from || (t.rewrite.from ?? '') });
  if (t.headers?.length && f.headers.length === 0) {
    next.headers = t.headers.map((h) => (typeof h.value === 'string' ? { name: h.name, value: h.value, secret: false, env: '' } : { name: h.name, value: '', secret: true, env: '' }));
  }
  if (t.proxy && !f.proxyOn) Object.assign(next, { proxyOn: true, proxyUrl: t.proxy.url });
  return next;
}

export function validateGateway(f: GatewayForm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['connectMs', 'firstByteMs', 'totalMs'] as const) if (f[k].trim() && !/^\d+$/.test(f[k].trim())) out[`timeouts.${k}`] = 'milliseconds, a whole number';
  const r = GatewayProfileSchema.safeParse(gatewayFromForm(f));
  if (!r.success) for (const i of r.error.issues) out[i.path.join('.')] ??= i.message;
  return out;
}
