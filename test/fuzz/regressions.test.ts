// What the fuzzers found, one minimal case each (issue 14): every one changed the request an export
// describes without a word.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExplainInputError, parseExplainInput } from '../../shared/explain';
import { prepareBody } from '../../electron/engine/request-body';
import { buildUrl } from '../../electron/engine/validate';
import { createRedactor } from '../../electron/secrets/redact';
import { exportPostman } from '../../electron/exporters/postman';
import { exportSnippet } from '../../electron/exporters/snippet';
import { ImportError, importFile } from '../../electron/importers';
import { importPostmanDocument } from '../../electron/importers/postman';
import { parseCurl, toCurl, urlWithParams } from '../../shared/curl';
import type { Collection } from '../../shared/model/collection';
import { RequestFileSchema } from '../../shared/model/workspace';

const one = (r: object): Collection => ({ name: 'W', environments: [], items: [{ type: 'request', request: RequestFileSchema.parse({ name: 'r', method: 'GET', ...r }) }] });

describe('fuzz findings stay fixed', () => {
  it('Postman export: the URL\'s own query joins the query list and leaves the path', async () => {
    const { json } = await exportPostman(one({ url: 'https://a.test/x?y=1&z=a%20b', params: [{ name: 'q', value: '2' }] }));
    const url = (json as { item: Array<{ request: { url: { raw: string; path: string[]; query: unknown[] } } }> }).item[0]?.request.url;
    expect(url?.raw).toBe('https://a.test/x?y=1&z=a%20b&q=2');
    expect(url?.path).toEqual(['x']);
    expect(url?.query).toEqual([{ key: 'y', value: '1' }, { key: 'z', value: 'a b' }, { key: 'q', value: '2' }]);
    const back = importPostmanDocument('p.json', json, { secrets: 'drop' }).collection.items[0];
    expect(back?.type === 'request' && back.request.params?.map((p) => `${p.name}=${p.value}`)).toEqual(['y=1', 'z=a b', 'q=2']);
  });

  it('snippets keep a parameter value holding & # % encoded', async () => {
    const { text } = await exportSnippet(one({ url: 'https://a.test/', params: [{ name: 'q', value: 'a&b=c#d%' }] }), 'curl');
    const sent = new URL(parseCurl(text.trim()).request.url);
    expect([...sent.searchParams]).toEqual([['q', 'a&b=c#d%']]);
  });

  it('curl export: a `?` inside the query does not swallow the next parameter', () => {
    expect(urlWithParams('http://a.test/?F?', [{ name: 'p', value: '1', enabled: true }])).toBe('http://a.test/?F?&p=1');
    expect(urlWithParams('http://a.test/?', [{ name: 'p', value: '1', enabled: true }])).toBe('http://a.test/?p=1');
  });

  it('a lone surrogate in a param, a form field or a secret is written as U+FFFD, not a URIError ([internal])', async () => {
    expect(buildUrl('http://a.test/', [{ name: 'q', value: 'x\ud800', enabled: true }]).search).toBe('?q=x%EF%BF%BD');
    const body = await prepareBody({ kind: 'form', fields: [{ name: '\udc00', value: 'v', enabled: true }] });
    expect(Buffer.from(body.data as Uint8Array).toString()).toBe('%EF%BF%BD=v');
    expect(createRedactor(['sec\ud800ret']).text('q=sec%EF%BF%BDret')).toBe('q=•••');
  });

  it('curl export: brackets and braces in a URL are sent as written (-g), not read as curl globs', () => {
    const text = toCurl({ method: 'GET', url: 'http://a.test/x?filter[name]={a}', params: [], headers: [], body: { kind: 'none' } });
    expect(text).toMatch(/^curl -g 'http:\/\/a\.test\/x\?filter\[name\]=\{a\}'/);
    expect(parseCurl(text).request.url).toBe('http://a.test/x?filter[name]={a}');
  });

  it('explain input: a header value that is an object with a non-callable toString is the input\'s problem', () => {
    const text = JSON.stringify({ status: 403, headers: { Server: { toString: 1 } }, body: 'x' });
    expect(() => parseExplainInput(text)).toThrow(ExplainInputError);
    expect(() => parseExplainInput(JSON.stringify({ status: 403, headers: [['Server', [{ toString: 1 }]]] }))).toThrow(/headers\[0\]: a header value must be text/);
  });

  it('Insomnia v5 YAML: an alias inside its own anchor (`&a [*a, *a]`) is named, not "Converting circular structure to JSON"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clearance-regress-'));
    const file = join(dir, 'insomnia.yaml');
    await writeFile(file, ['type: collection.insomnia.rest/5.0', 'name: Billing API', 'collection: []', 'environments:', '  name: Base',
      '  data:', '    apiKey: &a [*a, *a]', ''].join('\n'));
    try {
      const err = await importFile('insomnia', file).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as Error).message).toContain('a YAML alias refers to its own anchor');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('OpenAPI: a $ref through an emptied `schemas:` names the ref, not "Cannot read properties of null"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clearance-regress-'));
    const file = join(dir, 'api.yaml');
    await writeFile(file, ['openapi: 3.0.3', 'info: { title: T, version: "1" }', 'paths:', '  /items:', '    post:',
      '      requestBody:', '        content:', '          application/json:', "            schema: { $ref: '#/components/schemas/NewItem' }",
      "      responses: { '201': { description: Created } }", 'components:', '  schemas:', ''].join('\n'));
    try {
      const err = await importFile('openapi', file).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as Error).message).toContain("$ref '#/components/schemas/NewItem' at #/paths/~1items/post/requestBody/content/application~1json/schema points to nothing in the document");
      expect((err as Error).message).not.toMatch(/Cannot read prop/);
      // A ref that does lead somewhere (encoded and escaped tokens included) still imports.
      await writeFile(file, ['openapi: 3.0.3', 'info: { title: T, version: "1" }', 'paths:', '  /a~b:', '    get:',
        "      responses: { '200': { $ref: '#/components/responses/Ok%20one' } }", '  /c:', "    $ref: '#/paths/~1a~0b'",
        'components:', '  responses:', '    Ok one: { description: OK }', ''].join('\n'));
      expect((await importFile('openapi', file)).collection.items.length).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
