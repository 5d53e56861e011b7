import { join } from 'node:path';
import type { Collection, CollectionItem } from '../../../shared/model/collection';
import type { RequestFile } from '../../../shared/model/workspace';

export const FIXTURES = join(process.cwd(), 'test/fixtures/imports');
export const fixture = (...p: string[]): string => join(FIXTURES, ...p);

/** The request at a path of names ("Orders", "List orders"). */
export function req(c: Collection | CollectionItem[], ...path: string[]): RequestFile {
  let items = Array.isArray(c) ? c : c.items;
  for (const [i, name] of path.entries()) {
    const hit = items.find((x) => (x.type === 'request' ? x.request.name : x.name) === name);
    if (!hit) throw new Error(`no ${name} in ${items.map((x) => (x.type === 'request' ? x.request.name : x.name)).join(', ')}`);
    if (i === path.length - 1) {
      if (hit.type !== 'request') throw new Error(`${name} is a folder`);
      return hit.request;
    }
    if (hit.type !== 'folder') throw new Error(`${name} is a request`);
    items = hit.items;
  }
  throw new Error('empty path');
}

export function folder(c: Collection, name: string): Extract<CollectionItem, { type: 'folder' }> {
  const f = c.items.find((x) => x.type === 'folder' && x.name === name);
  if (!f || f.type !== 'folder') throw new Error(`no folder ${name}`);
  return f;
}

export const kv = (name: string, value: string, enabled = true) => ({ name, value, enabled });
