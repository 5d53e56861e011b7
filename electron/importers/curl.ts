// A file of one or more curl commands (blank lines or `#` comments between them; a comment just
// before a command names it).
import { CurlParseError, parseCurl } from '../../shared/curl';
import type { Collection, ImportResult } from '../../shared/model/collection';
import { SendOptionsSchema } from '../../shared/model/send-options';
import type { RequestFile } from '../../shared/model/workspace';
import { ImportContext } from './context';
import { ImportError } from './errors';
import { finish } from './finish';
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

export function importCurlText(file: string, text: string): ImportResult {
  const ctx = new ImportContext(file);
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
    const { request: spec, options } = parsed;
    let name = c.title ?? `${spec.method} ${spec.url}`;
    try { name = c.title ?? `${spec.method} ${new URL(spec.url).host}${new URL(spec.url).pathname}`; } catch { /* keep */ }
    const where = `request '${name}'`;
    for (const w of parsed.warnings) ctx.warn(`${where}: ${w}`);
    const r: RequestFile = { name, method: spec.method, url: spec.url };
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
  const collection: Collection = { name: 'curl import', items, environments: [] };
  return finish(ctx, collection, 'curl');
}

export async function importCurl(file: string): Promise<ImportResult> {
  return importCurlText(file, await readText(file));
}
