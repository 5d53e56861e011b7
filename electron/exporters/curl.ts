// Request → a complete bash curl command (shared/curl's toCurl), secrets left as {{name}}.
import { toCurl } from '../../shared/curl';
import type { Collection } from '../../shared/model/collection';
import { entries, prepare } from './prepare';

export interface ExportText { text: string; unresolved: string[] }

export function exportCurl(collection: Collection, opts: { env?: string } = {}): ExportText {
  const unresolved = new Set<string>();
  const all = entries(collection.items);
  const parts = all.map((e) => {
    const p = prepare(collection, e, opts.env);
    p.unresolved.forEach((u) => unresolved.add(u));
    const cmd = toCurl(p.spec, p.options, { multiline: true });
    return all.length > 1 ? `# ${[...e.path, p.name].join(' / ')}\n${cmd}` : cmd;
  });
  return { text: `${parts.join('\n\n')}\n`, unresolved: [...unresolved] };
}
