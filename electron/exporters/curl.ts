// Request → a complete bash curl command (shared/curl's toCurl) of the prepared request: what
// Clearance would send, secrets left as {{name}}, send options as curl flags.
import { toCurl } from '../../shared/curl';
import type { SendOptionsInput } from '../../shared/model';
import type { Collection } from '../../shared/model/collection';
import { entries, exportSpec, prepareForExport, type ExportOptions } from './prepare';

export interface ExportText {
  text: string;
  unresolved: string[];
  /** what the format cannot express, one sentence each */
  cannot: string[];
}

/** TLS material given as PEM text has no curl flag (curl takes files). */
function pemOptions(o: SendOptionsInput): string[] {
  const pem = (v: string | undefined): boolean => v !== undefined && v.includes('-----BEGIN');
  const t = o.tls ?? {};
  return [pem(t.ca) && 'CA certificate', pem(t.cert) && 'client certificate', pem(t.key) && 'client key'].filter((x): x is string => Boolean(x));
}

export async function exportCurl(collection: Collection, opts: ExportOptions = {}): Promise<ExportText> {
  const unresolved = new Set<string>();
  const cannot: string[] = [];
  const all = opts.entries ?? entries(collection.items);
  const parts: string[] = [];
  for (const e of all) {
    const p = await prepareForExport(collection, e, opts);
    p.unresolved.forEach((u) => unresolved.add(u));
    cannot.push(...p.cannot);
    const pem = pemOptions(p.prepared.options);
    if (pem.length) cannot.push(`${p.name}: ${pem.join(', ')} given as PEM text: curl takes files (--cacert/--cert/--key), left out`);
    const cmd = toCurl(exportSpec(p.prepared), p.prepared.options, { multiline: true });
    parts.push(all.length > 1 ? `# ${[...e.path, p.name].join(' / ')}\n${cmd}` : cmd);
  }
  return { text: `${parts.join('\n\n')}\n`, unresolved: [...unresolved], cannot };
}
