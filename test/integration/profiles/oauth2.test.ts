import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closePools } from '../../../electron/engine';
import { clearTokenCache, OAuth2TokenError } from '../../../electron/engine/auth/oauth2-client-credentials';
import { sendThrough } from '../../../electron/pipeline';
import { readBody, startHttp, type TestServer } from '../../support/servers';

let idp: TestServer;
let api: TestServer;
let tokenCalls = 0;
let issued = 0;
let expiresIn = 3600;
const lastGrant: { body?: URLSearchParams; auth?: string } = {};
const valid = new Set<string>();

beforeAll(async () => {
  idp = await startHttp(async (req, res) => {
    tokenCalls++;
    const body = new URLSearchParams((await readBody(req)).toString());
    lastGrant.body = body;
    lastGrant.auth = req.headers.authorization;
    const basic = req.headers.authorization?.startsWith('Basic ') ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString() : '';
    const [id, secret] = basic ? basic.split(':').map(decodeURIComponent) : [body.get('client_id'), body.get('client_secret')];
    res.setHeader('content-type', 'application/json');
    if (body.get('grant_type') !== 'client_credentials') return void res.writeHead(400).end(JSON.stringify({ error: 'unsupported_grant_type' }));
    if (id !== 'svc-orders' || secret !== 's3cr3t/+=') {
      return void res.writeHead(401).end(JSON.stringify({ error: 'invalid_client', error_description: 'Client authentication failed (unknown client or bad secret)' }));
    }
    if (body.get('scope') === 'admin') return void res.writeHead(400).end(JSON.stringify({ error: 'invalid_scope', error_description: 'scope admin is not allowed for this client' }));
    const token = `tok-${++issued}`;
    valid.add(token);
    res.end(JSON.stringify({ access_token: token, token_type: 'bearer', expires_in: expiresIn, scope: body.get('scope') }));
  });
  api = await startHttp((req, res) => {
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!valid.has(token)) return void res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end('bad token');
    res.end(`hello ${token}`);
  });
});
afterAll(async () => {
  await closePools();
  await Promise.all([idp.close(), api.close()]);
});
beforeEach(() => {
  clearTokenCache();
  tokenCalls = 0;
  expiresIn = 3600;
});

const key = (over: Record<string, unknown> = {}) => ({
  name: 'orders-cc', kind: 'oauth2-client-credentials' as const, hosts: [`127.0.0.1:${api.port}`], tokenUrl: `${idp.url}/oauth/token`,
  clientId: 'svc-orders', clientSecret: { secret: true as const }, scope: ['orders.read', 'orders.write'], audience: 'https://api.example', ...over,
});
const keySecrets = { clientSecret: 's3cr3t/+=' };

describe('OAuth 2 client credentials', () => {
  it('fetches a token through the engine (Basic client auth, scope, audience) and caches it', async () => {
    const r1 = await sendThrough({ method: 'GET', url: `${api.url}/orders` }, { key: key(), keySecrets });
    expect(r1.status).toBe(200);
    expect(lastGrant.body?.get('scope')).toBe('orders.read orders.write');
    expect(lastGrant.body?.get('audience')).toBe('https://api.example');
    expect(lastGrant.body?.get('client_secret')).toBeNull();
    expect(lastGrant.auth).toMatch(/^Basic /);
    const r2 = await sendThrough({ method: 'GET', url: `${api.url}/orders` }, { key: key(), keySecrets });
    expect(r2.status).toBe(200);
    expect(tokenCalls).toBe(1);
    expect(r2.wire.headers.find((h) => h.name === 'Authorization')).toMatchObject({ value: r1.wire.headers.find((h) => h.name === 'Authorization')!.value, origin: 'auth' });
  });

  it('client_secret_post sends the credentials in the form', async () => {
    await sendThrough({ method: 'GET', url: `${api.url}/orders` }, { key: key({ clientAuth: 'body' }), keySecrets });
    expect(lastGrant.body?.get('client_id')).toBe('svc-orders');
    expect(lastGrant.body?.get('client_secret')).toBe('s3cr3t/+=');
    expect(lastGrant.auth).toBeUndefined();
  });

  it('fetches a new token after expiry', async () => {
    expiresIn = 1;
    let clock = Date.now();
    const now = () => clock;
    const first = await sendThrough({ method: 'GET', url: `${api.url}/o` }, { key: key(), keySecrets, now });
    await sendThrough({ method: 'GET', url: `${api.url}/o` }, { key: key(), keySecrets, now });
    expect(tokenCalls).toBe(1);
    clock += 1500;
    const later = await sendThrough({ method: 'GET', url: `${api.url}/o` }, { key: key(), keySecrets, now });
    expect(tokenCalls).toBe(2);
    expect(later.body).not.toEqual(first.body);
  });

  it('a 401 with a cached token (revoked early) fetches a fresh one and retries once', async () => {
    const r1 = await sendThrough({ method: 'GET', url: `${api.url}/o` }, { key: key(), keySecrets });
    valid.clear();
    const r2 = await sendThrough({ method: 'GET', url: `${api.url}/o` }, { key: key(), keySecrets });
    expect(r2.status).toBe(200);
    expect(tokenCalls).toBe(2);
    expect(r2.body).not.toEqual(r1.body);
  });

  it('a bad client gets a typed error carrying the token endpoint\'s error body', async () => {
    const err = await sendThrough({ method: 'GET', url: `${api.url}/o` }, { key: key(), keySecrets: { clientSecret: 'wrong' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuth2TokenError);
    const e = err as OAuth2TokenError;
    expect(e.code).toBe('oauth2-token');
    expect(e.status).toBe(401);
    expect(e.error).toBe('invalid_client');
    expect(e.errorDescription).toContain('Client authentication failed');
    expect(e.body).toContain('"error":"invalid_client"');
    expect(e.message).toContain('invalid_client: Client authentication failed');
    expect(e.info.remedy).toMatch(/client id and secret/);
  });

  it('invalid_scope is reported the same way', async () => {
    const err = await sendThrough({ method: 'GET', url: `${api.url}/o` }, { key: key({ scope: ['admin'] }), keySecrets }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'oauth2-token', error: 'invalid_scope', status: 400 });
  });

  it('the host binding is checked before the token is fetched', async () => {
    const err = await sendThrough({ method: 'GET', url: `http://localhost:${api.port}/o` }, { key: key(), keySecrets }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'key-host-mismatch' });
    expect(tokenCalls).toBe(0);
  });
});
