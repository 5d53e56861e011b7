import { describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/importers';
import { GatewayProfileSchema, KeyProfileSchema } from '../../../shared/model/profiles';
import { fixture, folder, kv, req } from './helpers';

describe('Insomnia import', () => {
  it('v4 JSON: sort order, folders, environments, auth, template tags', async () => {
    const { collection: c, format, warnings } = await importFile('auto', fixture('insomnia/billing-v4.json'));
    expect(format).toBe('insomnia-v4');
    expect(c.items.map((i) => (i.type === 'folder' ? i.name : i.request.name))).toEqual(['Get token', 'Invoices', 'Ping']);
    expect(req(c, 'Invoices', 'List invoices')).toEqual({ name: 'List invoices', method: 'GET', url: '{{baseUrl}}/invoices', params: [kv('page', '1'), kv('per_page', '50', false)], headers: [kv('Accept', 'application/json')], docs: 'All invoices, newest first.' });
    expect(req(c, 'Invoices', 'Attach PDF')).toMatchObject({ url: '{{baseUrl}}/invoices/{{invoiceId}}/attachments', variables: { invoiceId: 'inv_9' }, body: { kind: 'multipart', parts: [{ name: 'file', file: '/tmp/invoice.pdf' }, { name: 'label', value: 'scan' }] } });
    expect(req(c, 'Get token').body).toEqual({ kind: 'form', fields: [kv('grant_type', 'client_credentials'), kv('client_secret', '{{client_secret}}')] });
    expect(folder(c, 'Invoices').defaults).toEqual({ variables: { pageSize: '50' } });
    expect(c.defaults?.variables).toMatchObject({ baseUrl: 'https://billing.example.com/v2', clientSecret: { secret: true }, clientId: 'billing-cli' });
    expect(c.environments).toEqual([{ name: 'Production', variables: { baseUrl: 'https://billing.example.com/v2', token: { secret: true }, 'limits.max': '10' } }]);
    expect(c.keys).toContainEqual({ name: 'basic', kind: 'basic', username: '{{clientId}}', password: { secret: true }, description: 'Imported: password {{clientSecret}}', hosts: ['auth.example.com'] });
    expect(c.keys).toContainEqual({ name: 'digest', kind: 'digest', username: 'u', password: { secret: true }, description: "Imported: password from request 'Ping'", hosts: ['billing.example.com'] });
    expect(warnings).toContain("request 'Create invoice': script not imported (scripts are not supported)");
    expect(JSON.stringify(c)).not.toMatch(/bk_live_abcdef|shh-123|cs_base_secret|prod-token-xyz/);
  });

  it('v5 YAML: folder headers, auth and environment; sub-environments', async () => {
    const { collection: c, format } = await importFile('insomnia', fixture('insomnia/billing-v5.yaml'));
    expect(format).toBe('insomnia-v5');
    expect(folder(c, 'Invoices').defaults).toEqual({ headers: [kv('X-Tenant', 'acme')], variables: { pageSize: '50' }, key: 'bearer' });
    expect(req(c, 'Invoices', 'Create invoice').body).toEqual({ kind: 'json', text: '{\n  "customer": "cus_1",\n  "amount": 1200\n}' });
    expect(req(c, 'Login')).toMatchObject({ key: 'api-key-api-key', body: { kind: 'form', fields: [kv('user', 'alice'), kv('password', '{{password}}')] } });
    expect(c.keys).toContainEqual({ name: 'api-key-api-key', kind: 'api-key', in: 'query', param: 'api_key', key: { secret: true }, description: 'Imported: key {{apiKey}}', hosts: ['billing.example.com', 'staging.billing.example.com'] });
    expect(c.environments).toEqual([{ name: 'Staging', variables: { baseUrl: 'https://staging.billing.example.com/v2', apiKey: { secret: true } } }]);
  });
});

describe('Bruno import', () => {
  it('.bru folder: seq order, folder.bru and collection.bru settings, every body, environments with secrets', async () => {
    const { collection: c, format, warnings } = await importFile('auto', fixture('bruno/petstore'));
    expect(format).toBe('bruno');
    expect(c.name).toBe('Petstore');
    expect(c.items.map((i) => (i.type === 'folder' ? i.name : i.request.name))).toEqual(['Pets', 'Admin']);
    expect(req(c, 'Pets', 'List pets')).toEqual({ name: 'List pets', method: 'GET', url: '{{baseUrl}}/pets', params: [kv('limit', '10'), kv('tag', 'dog', false)], headers: [kv('Accept', 'application/json'), kv('X-Trace', '1', false)], docs: 'Lists pets, ten at a time.\n\nPaged with `limit`.' });
    expect(req(c, 'Pets', 'Create pet').body).toEqual({ kind: 'json', text: '{\n  "name": "Rex",\n  "tags": ["dog"]\n}' });
    expect(req(c, 'Pets', 'Get pet')).toMatchObject({ url: '{{baseUrl}}/pets/{{petId}}', variables: { petId: '7' }, key: 'api-key-x-pet-key' });
    expect(req(c, 'Pets', 'Upload photo').body).toEqual({ kind: 'multipart', parts: [{ name: 'caption', value: 'Rex at the beach', enabled: true }, { name: 'photo', file: 'photos/rex.jpg', contentType: 'image/jpeg', enabled: true }, { name: 'draft', value: 'true', enabled: false }] });
    expect(req(c, 'Admin', 'Note').body).toEqual({ kind: 'text', text: 'Feed the cat.', contentType: 'text/plain' });
    expect(folder(c, 'Pets').defaults).toEqual({ headers: [kv('X-Folder', 'pets')] });
    expect(folder(c, 'Admin').defaults).toEqual({ key: 'basic' });
    expect(c.defaults).toMatchObject({ headers: [kv('X-Client', 'clearance-tests')], key: 'bearer', variables: { apiVersion: 'v2' } });
    expect(c.environments).toEqual([
      { name: 'Local', variables: { baseUrl: 'http://localhost:8080', token: { secret: true } } },
      { name: 'Production', variables: { baseUrl: 'https://petstore.example.com', adminPassword: { secret: true }, token: { secret: true } } },
    ]);
    expect(warnings).toContain("request 'Create pet': pre-request script not imported (scripts are not supported)");
    expect(JSON.stringify(c)).not.toMatch(/pk_live_999|opensesame|hunter2/);
  });

  it('YAML (OpenCollection) folder', async () => {
    const { collection: c, format } = await importFile('bruno', fixture('bruno/petstore-yaml'));
    expect(format).toBe('bruno-yaml');
    expect(req(c, 'Pets', 'List pets')).toEqual({ name: 'List pets', method: 'GET', url: '{{baseUrl}}/pets', params: [kv('limit', '10'), kv('tag', 'dog', false)], headers: [kv('Accept', 'application/json')], docs: 'Lists pets.' });
    expect(req(c, 'Pets', 'Create pet')).toMatchObject({ url: '{{baseUrl}}/pets/{{shelterId}}', variables: { shelterId: '3' }, key: 'basic', body: { kind: 'json', text: '{\n  "name": "Rex"\n}' } });
    expect(c.defaults).toMatchObject({ headers: [kv('X-Client', 'clearance-tests')], key: 'bearer' });
    expect(c.environments).toEqual([{ name: 'Staging', variables: { baseUrl: 'https://staging.petstore.example.com', token: { secret: true } } }]);
  });
});

describe('OpenAPI import', () => {
  it('3.0 YAML: tags to folders, parameters, examples, servers to gateways, security to key profiles', async () => {
    const { collection: c, format } = await importFile('auto', fixture('openapi/inventory-3.0.yaml'));
    expect(format).toBe('openapi-3.0');
    expect(c.items.map((i) => (i.type === 'folder' ? i.name : i.request.name))).toEqual(['Items', 'Stock', 'Health']);
    expect(req(c, 'Items', 'List items')).toEqual({ name: 'List items', method: 'GET', url: '{{baseUrl}}/items', params: [kv('limit', '25'), kv('category', 'tools'), kv('q', 'string', false)], headers: [kv('X-Request-Id', '00000000-0000-4000-8000-000000000000', false)] });
    expect(req(c, 'Items', 'Create item')).toMatchObject({ method: 'POST', docs: 'Adds an item to the catalogue.', body: { kind: 'json' } });
    expect(JSON.parse((req(c, 'Items', 'Create item').body as { text: string }).text)).toEqual({ sku: 'HAM-01', name: 'Hammer', price: 12.5 });
    expect(req(c, 'Items', 'getItem')).toMatchObject({ url: '{{baseUrl}}/items/{{itemId}}', variables: { itemId: 'HAM-01' } });
    expect(req(c, 'Items', 'Delete item').key).toBe('bearer-auth');
    expect(req(c, 'Items', 'Upload image').body).toEqual({ kind: 'multipart', parts: [{ name: 'caption', value: 'Front view', enabled: true }, { name: 'image', file: '', enabled: true }] });
    expect(req(c, 'Stock', 'Adjust stock').body).toEqual({ kind: 'form', fields: [kv('sku', 'HAM-01'), kv('delta', '-2')] });
    expect(c.gateways).toEqual([
      { name: 'production', description: 'Production: https://api.inventory.example.com/v1 (the baseUrl the requests are written against)' },
      { name: 'staging', description: 'Staging: https://eu.staging.inventory.example.com/v1', rewrite: { from: 'https://api.inventory.example.com/v1', to: 'https://eu.staging.inventory.example.com/v1' } },
    ]);
    for (const g of c.gateways ?? []) expect(GatewayProfileSchema.safeParse(g).error).toBeUndefined();
    expect(c.defaults).toMatchObject({ key: 'api-key-auth', variables: { baseUrl: 'https://api.inventory.example.com/v1' } });
    const hosts = ['api.inventory.example.com', 'eu.staging.inventory.example.com'];
    expect(c.keys).toEqual([
      { name: 'api-key-auth', kind: 'api-key', in: 'header', param: 'X-API-Key', key: { secret: true }, description: "Imported: key not set in security scheme 'ApiKeyAuth'", hosts },
      { name: 'bearer-auth', kind: 'bearer', scheme: 'Bearer', token: { secret: true }, description: "Imported: token not set in security scheme 'BearerAuth'", hosts },
    ]);
  });

  it('3.1 JSON: named examples, type arrays, cookies, circular schemas, OAuth client credentials, basic', async () => {
    const { collection: c, format, warnings } = await importFile('openapi', fixture('openapi/payments-3.1.json'));
    expect(format).toBe('openapi-3.1');
    expect(JSON.parse((req(c, 'Payments', 'Create payment').body as { text: string }).text)).toEqual({ amount: 1999, currency: 'EUR', source: 'card_123' });
    expect(req(c, 'Payments', 'Get payment')).toMatchObject({ variables: { paymentId: 'pay_42' }, headers: [kv('Cookie', 'session=s1')] });
    expect(JSON.parse((req(c, 'Refunds', 'Create refund').body as { text: string }).text)).toEqual({ paymentId: 'string', reason: 'duplicate', amount: 1, meta: { createdAt: '2024-01-01T00:00:00Z' } });
    expect(c.keys).toContainEqual({ name: 'oauth', kind: 'oauth2-client-credentials', tokenUrl: 'https://auth.pay.example.com/token', clientId: '{{OAuth_clientId}}', clientSecret: { secret: true }, scope: ['payments:write', 'payments:read'], description: "Imported: clientSecret not set in security scheme 'OAuth'", hosts: ['pay.example.com'] });
    expect(req(c, 'Refunds', 'Create refund').key).toBe('basic-auth');
    expect(warnings).toContain('webhooks not imported (they are requests the API sends, not ones you send)');
  });
});

describe('HAR and curl import', () => {
  it('HAR: pseudo and hop-by-hop headers dropped, cookies kept with a warning, secrets replaced', async () => {
    const { collection: c, format, warnings } = await importFile('auto', fixture('har/browser.har'));
    expect(format).toBe('har-1.2');
    const profile = req(c, 'GET app.example.com/api/profile');
    expect(profile).toEqual({ name: 'GET app.example.com/api/profile', method: 'GET', url: 'https://app.example.com/api/profile', params: [kv('fields', 'name,email')],
      headers: [kv('accept', 'application/json'), kv('authorization', 'Bearer {{bearerToken}}'), kv('cookie', 'sid=abc123; theme=dark')] });
    expect(req(c, 'POST app.example.com/api/orders')).toMatchObject({ headers: [kv('Content-Type', 'application/json'), kv('X-API-Key', '{{X-API-Key}}')], body: { kind: 'json', text: '{"sku":"A-1","quantity":2}' } });
    expect(req(c, 'POST app.example.com/login').body).toEqual({ kind: 'form', fields: [kv('user', 'alice'), kv('password', '{{password}}')] });
    expect(warnings.some((w) => /Cookie header kept.*may hold/.test(w))).toBe(true);
  });

  it('curl file: several commands, comments name them, secrets replaced', async () => {
    const { collection: c, format } = await importFile('auto', fixture('curl/requests.sh'));
    expect(format).toBe('curl');
    expect(req(c, 'List widgets')).toMatchObject({ method: 'GET', url: 'https://api.example.com/widgets', params: [kv('page', '2')], headers: [kv('Accept', 'application/json')] });
    // Credentials become key profiles bound to the URL's host (profilesFromCurl), not secret headers.
    expect(req(c, 'Create widget')).toMatchObject({ method: 'POST', headers: [kv('Content-Type', 'application/json')], key: 'bearer', body: { kind: 'json', text: '{"name":"w1","password":"{{password}}"}' } });
    const upload = req(c, 'POST api.example.com/upload');
    expect(upload.headers).toBeUndefined();
    expect(upload.key).toBe('basic');
    expect(c.keys).toEqual([
      expect.objectContaining({ name: 'bearer', kind: 'bearer', scheme: 'Bearer', token: { secret: true }, hosts: ['api.example.com'] }),
      expect.objectContaining({ name: 'basic', kind: 'basic', username: 'alice', password: { secret: true }, hosts: ['api.example.com'] }),
    ]);
    expect(JSON.stringify(c)).not.toMatch(/sk_live_abc|alice:secret|YWxpY2U6c2VjcmV0/);
    expect(upload.body).toMatchObject({ kind: 'multipart', parts: [{ name: 'file', file: 'report.pdf' }, { name: 'kind', value: 'pdf' }] });
  });
});

describe('profiles match the workspace schemas', () => {
  it.each(['postman/shop-v2.1.postman_collection.json', 'postman/legacy-v2.0.postman_collection.json', 'insomnia/billing-v4.json', 'insomnia/billing-v5.yaml',
    'bruno/petstore', 'bruno/petstore-yaml', 'openapi/inventory-3.0.yaml', 'openapi/payments-3.1.json', 'curl/requests.sh'])('%s', async (file) => {
    const { collection: c } = await importFile('auto', fixture(file));
    for (const k of c.keys ?? []) expect(KeyProfileSchema.safeParse(k).error, k.name).toBeUndefined();
    for (const g of c.gateways ?? []) expect(GatewayProfileSchema.safeParse(g).error, g.name).toBeUndefined();
  });
});
