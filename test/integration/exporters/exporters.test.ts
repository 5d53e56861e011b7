import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCurl } from '../../../shared/curl';
import type { Collection, CollectionItem } from '../../../shared/model/collection';
import { exportCurl } from '../../../electron/exporters/curl';
import { keyHeaderNames } from '../../../electron/pipeline/prepare-resolved';
import { KeyProfileSchema } from '../../../shared/model';
import { exportPostman } from '../../../electron/exporters/postman';
import { SNIPPET_TARGETS, exportSnippet } from '../../../electron/exporters/snippet';
import { importFile } from '../../../electron/importers';
import { readCollection, writeCollection } from '../../../electron/workspace';
import { fixture } from '../importers/helpers';

// postman-collection's shipped types are incomplete (and not named in its package.json): the part used here.
interface PmList<T> { get(key: string): unknown; map<R>(fn: (x: T) => R): R[] }
interface PmItem {
  name: string;
  request: { method: string; url: { toString(): string; query: PmList<{ key: string; value: string; disabled?: boolean }>; variables: PmList<unknown> };
    headers: PmList<unknown>; auth?: { type: string }; body?: { mode: string; raw?: string; urlencoded: PmList<unknown>; formdata: PmList<{ key: string }> } };
}
interface PmCollection { name: string; auth?: { type: string }; variables: PmList<unknown>; forEachItem(fn: (i: PmItem) => void): void }
const { Collection: PostmanCollection } = createRequire(import.meta.url)('postman-collection') as { Collection: new (json: unknown) => PmCollection };
type Item = PmItem;

const dirs: string[] = [];
async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'clearance-export-'));
  dirs.push(d);
  return d;
}
afterAll(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }); });

/**
 * The collection as compared across a round trip. Postman auth has no name, so a key profile
 * reference is compared by the profile's settings, not by its name.
 */
function comparable(c: Collection): unknown {
  const profile = (name: string | undefined): string | undefined => {
    const k = c.keys?.find((x) => x.name === name);
    if (!k) return name;
    // Postman has no place for a profile's host binding, and its description records where the secret came from.
    const { name: _n, description: _d, hosts: _h, ...rest } = k;
    return JSON.stringify(rest);
  };
  const defaults = (d: Collection['defaults']) => (d?.key ? { ...d, key: profile(d.key) } : d ?? {});
  const items = (list: CollectionItem[]): unknown => list.map((i) => (i.type === 'request'
    ? { request: i.request.key ? { ...i.request, key: profile(i.request.key) } : i.request }
    : { name: i.name, defaults: defaults(i.defaults), items: items(i.items) }));
  return { name: c.name, defaults: defaults(c.defaults), items: items(c.items) };
}

describe('Postman export', () => {
  it.each([
    ['postman/shop-v2.1.postman_collection.json'], ['insomnia/billing-v4.json'], ['bruno/petstore'], ['openapi/inventory-3.0.yaml'], ['har/browser.har'],
  ])('%s: import → workspace → export Postman → import again keeps every field (inherited headers copied into requests)', async (file) => {
    const first = await importFile('auto', fixture(file));
    const ws = await tmp();
    await writeCollection(ws, first.collection);
    const read = await readCollection(ws);
    expect(read.problems).toEqual([]);
    const { json } = await exportPostman(read);
    const out = join(await tmp(), 'export.postman_collection.json');
    await writeFile(out, JSON.stringify(json));
    const again = await importFile('postman', out);
    const strip = (c: Collection) => {
      const x = comparable(c) as { defaults: { headers?: unknown; variables?: Record<string, unknown> } };
      // Postman has no home for collection default headers: the exporter says so; compare the rest.
      delete x.defaults.headers;
      return x;
    };
    const expected = strip(read);
    const got = strip(again.collection);
    // A header the key in effect sets replaces the request's own row of that name (the engine sends
    // the key's): the export leaves that row out, as Clearance never sends it.
    type Req = { key?: string; headers?: Array<{ name: string }> };
    type Item = { request?: Req; defaults?: { key?: string }; items?: Item[] };
    const keyed = (items: Item[], inherited: string | undefined): void => items.forEach((i) => {
      if (i.items) keyed(i.items, i.defaults?.key ?? inherited);
      const name = i.request?.key ?? inherited;
      const raw = read.keys?.find((k) => JSON.stringify((({ name: _n, description: _d, hosts: _h, ...rest }) => rest)(k)) === name || k.name === name);
      const parsed = raw ? KeyProfileSchema.safeParse(raw) : undefined;
      if (!i.request || !parsed?.success) return;
      const drop = new Set(keyHeaderNames(parsed.data).map((n) => n.toLowerCase()));
      const kept = (i.request.headers ?? []).filter((h) => !drop.has(h.name.toLowerCase()));
      if (kept.length) i.request.headers = kept;
      else delete i.request.headers;
    });
    const top = expected as unknown as { defaults?: { key?: string }; items: Item[] };
    keyed(top.items, top.defaults?.key);
    if (file.startsWith('bruno') || file.startsWith('insomnia')) {
      // Postman folders have no headers: the export copies the collection's and the folders' default
      // headers into each request (outermost first), as Clearance sends them; the folders lose theirs.
      type Node = { defaults?: { headers?: Array<{ name: string; value: string; enabled?: boolean }> }; items?: Node[]; request?: { headers?: unknown[] } };
      const inherit = (items: Node[], above: Array<{ name: string; value: string }>): void => items.forEach((i) => {
        if (i.request) {
          const own = new Set(((i.request.headers ?? []) as Array<{ name: string; enabled?: boolean }>).filter((h) => h.enabled !== false).map((h) => h.name.toLowerCase()));
          const added = above.filter((h) => !own.has(h.name.toLowerCase())).map((h) => ({ name: h.name, value: h.value, enabled: true }));
          if (added.length) i.request.headers = [...(i.request.headers ?? []), ...added];
        }
        const mine = (i.defaults?.headers ?? []).filter((h) => h.enabled !== false);
        const next = [...above.filter((h) => !mine.some((m) => m.name.toLowerCase() === h.name.toLowerCase())), ...mine];
        if (i.defaults) delete i.defaults.headers;
        if (i.items) inherit(i.items, next);
      });
      const top = ((read.defaults?.headers ?? []) as Array<{ name: string; value: string; enabled?: boolean }>).filter((h) => h.enabled !== false);
      inherit((expected as unknown as { items: Node[] }).items, top);
      const drop = (items: Node[]): void => items.forEach((i) => { if (i.defaults) delete i.defaults.headers; if (i.items) drop(i.items); });
      drop((got as unknown as { items: Node[] }).items);
    }
    expect(JSON.parse(JSON.stringify(got))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("parses with Postman's own SDK and keeps names, methods, URLs, headers and bodies", async () => {
    const { collection } = await importFile('postman', fixture('postman/shop-v2.1.postman_collection.json'));
    const { json } = await exportPostman(collection);
    const pc = new PostmanCollection(json as never);
    expect(pc.name).toBe('Shop API');
    const all: Item[] = [];
    pc.forEachItem((i) => { all.push(i); });
    expect(all.map((i) => i.name)).toEqual(['List orders', 'Get order', 'Create order', 'Login', 'Upload avatar', 'Import products', 'Search (GraphQL)', 'Notes']);
    const byName = (n: string) => all.find((i) => i.name === n)!;
    expect(byName('Create order').request.method).toBe('POST');
    expect(byName('List orders').request.url.toString()).toBe('{{baseUrl}}/orders?status=open&limit=20');
    expect(byName('List orders').request.url.query.map((q) => [q.key, q.value, q.disabled ?? false])).toEqual([['status', 'open', false], ['limit', '20', false], ['cursor', '', true]]);
    expect(byName('List orders').request.headers.get('Accept')).toBe('application/json');
    expect(byName('Get order').request.url.variables.get('orderId')).toBe('42');
    expect(byName('Create order').request.body?.raw).toBe('{\n  "sku": "A-1",\n  "quantity": 2\n}');
    expect(byName('Login').request.body?.urlencoded.get('password')).toBe('{{password}}');
    expect(byName('Upload avatar').request.body?.formdata.map((p) => p.key)).toEqual(['title', 'avatar', 'note']);
    expect(byName('Import products').request.body?.mode).toBe('file');
    expect(byName('Upload avatar').request.auth?.type).toBe('apikey');
    expect(pc.auth?.type).toBe('bearer');
    expect(pc.variables.get('baseUrl')).toBe('https://shop.example.com/api');
  });
});

describe('curl and snippet export', () => {
  it('curl: runnable, variables filled in, inherited headers and key added, secrets left as {{name}}; parseCurl reads it back', async () => {
    const { collection } = await importFile('bruno', fixture('bruno/petstore'));
    const pets = collection.items[0] as Extract<CollectionItem, { type: 'folder' }>;
    const one: Collection = { ...collection, items: [{ ...pets, items: [pets.items[1]!] }] };
    const { text, unresolved } = await exportCurl(one, { env: 'Local' });
    const back = parseCurl(text);
    expect(back.request.method).toBe('POST');
    expect(back.request.url).toBe('http://localhost:8080/pets');
    expect(back.request.headers).toEqual(expect.arrayContaining([
      { name: 'Content-Type', value: 'application/json', enabled: true }, { name: 'X-Folder', value: 'pets', enabled: true },
      { name: 'X-Client', value: 'clearance-tests', enabled: true }, { name: 'Authorization', value: 'Bearer {{token}}', enabled: true },
    ]));
    expect(back.request.body).toEqual({ kind: 'json', text: '{\n  "name": "Rex",\n  "tags": ["dog"]\n}' });
    expect(unresolved).toEqual(['token']);
  });

  it.each(Object.keys(SNIPPET_TARGETS))('snippet:%s', async (target) => {
    const { collection } = await importFile('postman', fixture('postman/shop-v2.1.postman_collection.json'));
    const orders = collection.items[0] as Extract<CollectionItem, { type: 'folder' }>;
    const { text } = await exportSnippet({ ...collection, items: [orders.items[2]!] }, target);
    expect(text).toContain('/api/orders');
    expect(text).toContain('shop.example.com');
    expect(text).toMatch(/A-1/);
  });
});
