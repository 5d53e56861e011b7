// A file of one or more curl commands (blank lines or `#` comments between them; a comment just
// before a command names it).
import { CurlParseError, parseCurl, profilesFromCurl, type CurlProfiles } from '../../shared/curl';
import type { Collection } from '../../shared/model/collection';
import { SendOptionsSchema } from '../../shared/model/send-options';
import type { RequestFile } from '../../shared/model/workspace';
import { authToKey } from './auth';
import { ImportContext, type ImportOptions } from './context';
import { ImportError } from './errors';
import { finish, type ImportOutput } from './finish';
import { readText } from './read';

interface Command { text: string; line: number; title?: string }

export function splitCommands(text: string): Command[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: Command[] = [];
  let title: string | undefined;
  let current: Command | undefined;
  lines.forEach((line, i) => {
    const t = line.trim();
    if (current) {
      current.text += `\n${line}`;
      if (!/[\\^`]$/.test(t)) current = undefined;
      return;
    }
    if (t.startsWith('#')) {
      title = t.replace(/^#+\s*/, '') || title;
      return;
    }
    if (t === '') return;
    const cmd = t.replace(/^\$\s+/, '');
    current = { text: cmd, line: i + 1, title };
    title = undefined;
    out.push(current);
    if (!/[\\^`]$/.test(t)) current = undefined;
  });
  return out;
}

/** The key profile of a curl command's credential (registered once per distinct credential). */
function registerKey(ctx: ImportContext, m: CurlProfiles, where: string): string | undefined {
  const k = m.key;
  const s = m.keySecrets;
  switch (k?.kind) {
    case 'bearer': return authToKey(ctx, { kind: 'bearer', token: s.token, prefix: k.scheme ?? 'Bearer' }, where);
    case 'basic': return authToKey(ctx, { kind: 'basic', username: k.username, password: s.password }, where);
    case 'api-key': return authToKey(ctx, { kind: 'api-key', name: k.param ?? 'x-api-key', value: s.key, in: k.in ?? 'header' }, where);
    case 'custom-headers': {
      const name = ctx.key({ kind: 'custom-headers', headers: k.headers, description: `Imported: headers ${k.headers.map((h) => h.name).join(', ')} from ${where}` }, 'headers', s);
      const held = `${where}: headers ${k.headers.map((h) => h.name).join(', ')} held credentials`;
      ctx.warn(ctx.mode === 'capture' ? `${held}; key profile '${name}' keeps them in the OS keychain (or the local store), never in the workspace`
        : `${held}; not imported: key profile '${name}' takes them from the keychain`);
      return name;
    }
    default: return undefined;
  }
}

/** The gateway profile of a curl command's proxy and TLS settings; identical settings share one. */
function registerGateway(gateways: Array<{ name: string; [k: string]: unknown }>, ctx: ImportContext, m: CurlProfiles, where: string): string | undefined {
  if (!m.gateway) return undefined;
  const { name: suggested, ...rest } = m.gateway;
  const same = gateways.find(({ name: _n, ...other }) => JSON.stringify(other) === JSON.stringify(rest));
  if (same) return same.name;
  let name = suggested;
  for (let i = 2; gateways.some((g) => g.name === name); i++) name = `${suggested}-${i}`;
  gateways.push({ name, ...rest });
  if (ctx.mode !== 'drop' && Object.keys(m.gatewaySecrets).length > 0) ctx.gatewayValues.set(name, { ...m.gatewaySecrets });
  for (const field of Object.keys(m.gatewaySecrets)) {
    ctx.warn(ctx.mode === 'capture' ? `${where}: ${field} held a credential; gateway profile '${name}' keeps it in the OS keychain (or the local store), never in the workspace`
      : `${where}: ${field} held a credential; not imported: gateway profile '${name}' takes it from the keychain`);
  }
  return name;
}

export function importCurlText(file: string, text: string, opts: ImportOptions = {}): ImportOutput {
  const ctx = new ImportContext(file, opts);
  const gateways: Array<{ name: string; [k: string]: unknown }> = [];
  // The same credential (same value) in several commands is one key profile.
  const keyByCredential = new Map<string, string>();
  const commands = splitCommands(text);
  if (commands.length === 0) throw new ImportError(file, 'no curl command in the file');
  const items = commands.map((c) => {
    let parsed;
    try {
      parsed = parseCurl(c.text);
    } catch (err) {
      if (err instanceof CurlParseError) throw new ImportError(file, `line ${c.line}: ${err.message}`);
      throw err;
    }
    const mapped = profilesFromCurl(parsed);
    const { request: spec, options } = mapped;
    let name = c.title ?? `${spec.method} ${spec.url}`;
    try { name = c.title ?? `${spec.method} ${new URL(spec.url).host}${new URL(spec.url).pathname}`; } catch { /* keep */ }
    const where = `request '${name}'`;
    for (const w of parsed.warnings) ctx.warn(`${where}: ${w}`);
    const r: RequestFile = { name, method: spec.method, url: spec.url };
    const credential = mapped.key ? JSON.stringify([{ ...mapped.key, name: '' }, mapped.keySecrets]) : '';
    const key = keyByCredential.get(credential) ?? registerKey(ctx, mapped, where);
    if (key && credential) keyByCredential.set(credential, key);
    if (key) r.key = key;
    const gateway = registerGateway(gateways, ctx, mapped, where);
    if (gateway) r.gateway = gateway;
    for (const n of mapped.notes) if (n.includes('kept')) ctx.warn(`${where}: ${n}`);
    if (spec.params.length > 0) r.params = ctx.scrubParams(spec.params, where);
    const q = r.url.indexOf('?');
    if (q >= 0 && !r.url.includes('{{')) {
      const extra = [...new URLSearchParams(r.url.slice(q + 1))].map(([n, value]) => ({ name: n, value, enabled: true }));
      r.url = r.url.slice(0, q);
      r.params = ctx.scrubParams([...extra, ...(r.params ?? [])], where);
    }
    if (spec.headers.length > 0) r.headers = ctx.scrubHeaders(spec.headers, where);
    if (spec.body.kind === 'json') r.body = { kind: 'json', text: ctx.scrubJson(spec.body.text, where) };
    else if (spec.body.kind === 'form') r.body = { kind: 'form', fields: ctx.scrubFields(spec.body.fields, where) };
    else if (spec.body.kind !== 'none') r.body = spec.body;
    if (options.proxy?.password !== undefined) options.proxy.password = ctx.secret(options.proxy.password, 'proxyPassword', where, 'proxy password');
    if (options.tls?.passphrase !== undefined) options.tls.passphrase = ctx.secret(options.tls.passphrase, 'tlsPassphrase', where, 'TLS key passphrase');
    const keep = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    if (Object.keys(keep).length > 0) r.options = SendOptionsSchema.partial().parse(keep);
    return { type: 'request' as const, request: r };
  });
  const collection: Collection = { name: 'curl import', items, environments: [], ...(gateways.length ? { gateways } : {}) };
  return finish(ctx, collection, 'curl');
}

export async function importCurl(file: string, opts: ImportOptions = {}): Promise<ImportOutput> {
  return importCurlText(file, await readText(file), opts);
}
