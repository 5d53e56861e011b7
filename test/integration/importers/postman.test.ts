import { describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/importers';
import { KeyProfileSchema } from '../../../shared/model/profiles';
import { fixture, folder, kv, req } from './helpers';

describe('Postman import', () => {
  it('v2.1: folders, params, path variables, every body kind, auth as key profiles, secrets as secret variables', async () => {
    const { collection: c, format, warnings } = await importFile('postman', fixture('postman/shop-v2.1.postman_collection.json'));
    expect(format).toBe('postman-2.1');
    expect(c.name).toBe('Shop API');
    expect(c.items.map((i) => (i.type === 'folder' ? i.name : i.request.name))).toEqual(['Orders', 'Admin', 'Search (GraphQL)', 'Notes']);
    expect(req(c, 'Orders', 'List orders')).toEqual({
      name: 'List orders', method: 'GET', url: '{{baseUrl}}/orders',
      params: [kv('status', 'open'), kv('limit', '20'), kv('cursor', '', false)],
      headers: [kv('Accept', 'application/json'), kv('X-Debug', '1', false)],
    });
    expect(req(c, 'Orders', 'Get order')).toMatchObject({ url: '{{baseUrl}}/orders/{{orderId}}', variables: { orderId: '42' }, docs: 'One order by id.' });
    expect(req(c, 'Orders', 'Create order').body).toEqual({ kind: 'json', text: '{\n  "sku": "A-1",\n  "quantity": 2\n}' });
    expect(req(c, 'Admin', 'Login').body).toEqual({ kind: 'form', fields: [kv('username', 'alice'), kv('password', '{{password}}'), kv('remember', '1', false)] });
    expect(req(c, 'Admin', 'Upload avatar')).toMatchObject({
      key: 'api-key-x-admin-key',
      body: { kind: 'multipart', parts: [{ name: 'title', value: 'Me', enabled: true }, { name: 'avatar', file: '/home/alice/avatar.png', contentType: 'image/png', enabled: true }, { name: 'note', value: 'off', enabled: false }] },
    });
    expect(req(c, 'Admin', 'Import products').body).toEqual({ kind: 'binary', file: '/data/products.csv', contentType: 'text/csv' });
    expect(JSON.parse((req(c, 'Search (GraphQL)').body as { text: string }).text)).toEqual({ query: 'query { products(first: 5) { id name } }', variables: { first: 5 } });
    expect(req(c, 'Search (GraphQL)').headers).toEqual([kv('Authorization', 'Bearer {{bearerToken}}')]);
    expect(req(c, 'Notes')).toMatchObject({ params: [kv('api_key', '{{api_key}}')], body: { kind: 'text', text: '<note>hi</note>', contentType: 'application/xml' } });
    expect(folder(c, 'Admin').defaults).toEqual({ key: 'basic' });
    expect(c.defaults?.key).toBe('bearer');
    expect(c.defaults?.variables).toMatchObject({ baseUrl: 'https://shop.example.com/api', accessToken: { secret: true }, adminKey: { secret: true }, password: { secret: true }, bearerToken: { secret: true } });
    const hosts = ['shop.example.com'];
    expect(c.keys).toEqual([
      { name: 'bearer', kind: 'bearer', scheme: 'Bearer', token: { secret: true }, description: 'Imported: token {{accessToken}}', hosts },
      { name: 'basic', kind: 'basic', username: 'admin', password: { secret: true }, description: "Imported: password from folder 'Admin'", hosts },
      { name: 'api-key-x-admin-key', kind: 'api-key', in: 'header', param: 'X-Admin-Key', key: { secret: true }, description: 'Imported: key {{adminKey}}', hosts },
    ]);
    for (const k of c.keys ?? []) expect(KeyProfileSchema.safeParse(k).error).toBeUndefined();
    // No secret value anywhere in the collection.
    const text = JSON.stringify(c);
    for (const secret of ['hunter2', 's3cret!', 'tok_live_123', 'eyJhbGciOiJIUzI1NiJ9.literal.token', 'abc123']) expect(text).not.toContain(secret);
    expect(warnings).toEqual(expect.arrayContaining([
      "request 'Login': pre-request script not imported (scripts are not supported)",
      "request 'List orders': test script not imported (scripts are not supported)",
      "request 'List orders': 1 saved example response(s) not imported",
      "folder 'Admin': password held a credential; not imported: key profile 'basic' takes it from the keychain",
      "key profile 'bearer': store its token ({{accessToken}}) in the keychain",
      "request 'Search (GraphQL)': GraphQL body imported as a JSON body {query, variables} (GraphQL mode is not supported)",
    ]));
    expect(warnings.some((w) => w.includes('{{bearerToken}}') && w.includes('header Authorization'))).toBe(true);
  });

  it('v2.0: string URLs and headers, object auth, JSON passwords scrubbed', async () => {
    const { collection: c, format } = await importFile('auto', fixture('postman/legacy-v2.0.postman_collection.json'));
    expect(format).toBe('postman-2.0');
    expect(req(c, 'Status')).toEqual({ name: 'Status', method: 'GET', url: 'https://legacy.example.com/v1/status', params: [kv('verbose', 'true')], headers: [kv('Accept', 'application/json')], docs: 'Health check' });
    const create = req(c, 'Users', 'Create user');
    expect(create.headers).toEqual([kv('Content-Type', 'application/json'), kv('X-Trace', 'on')]);
    expect(create.body).toEqual({ kind: 'json', text: '{"name":"Ann","password":"{{password}}"}' });
    expect(c.keys?.find((k) => k.name === create.key)).toMatchObject({ kind: 'bearer', token: { secret: true }, description: 'Imported: token {{token}}', hosts: ['legacy.example.com'] });
  });

  it('environment: secret type and secret-looking names become {secret: true}; disabled values are left out', async () => {
    const { collection: c, format } = await importFile('auto', fixture('postman/staging.postman_environment.json'));
    expect(format).toBe('postman-environment');
    expect(c.environments).toEqual([{ name: 'Staging', variables: { baseUrl: 'https://staging.shop.example.com/api', accessToken: { secret: true }, clientSecret: { secret: true }, region: 'eu-west-1' } }]);
  });
});
