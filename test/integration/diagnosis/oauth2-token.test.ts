// OAuth 2 token calls in the final timeline and the diagnosis: a local authorization server grants
// a client fewer scopes than its key profile asks for, and a resource server refuses the call that
// needs the missing one. The send's timeline carries the token exchange (marked, credentials masked,
// granted vs asked); the diagnosis names the scope not granted and whom to ask, with no fake fix.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closePools } from '../../../electron/engine';
import { clearTokenCache } from '../../../electron/engine/auth/oauth2-client-credentials';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { sendThrough } from '../../../electron/pipeline';
import { buildEntry, type SendOutcome } from '../../../electron/workspace/history/entry';
import { readBody, startHttp, type TestServer } from '../../support/servers';
import { workspace } from './helpers';

const SECRET = 'client-secret-9f8e7d';
let idp: TestServer;
let api: TestServer;
const tokens = new Map<string, string[]>();
const grants: Array<{ scope: string | null; auth: string | undefined }> = [];
const apiSeen: string[] = [];
let issued = 0;

beforeAll(async () => {
  // The client may hold orders.read only, whatever it asks for; the answer says what it granted.
  idp = await startHttp(async (req, res) => {
    const body = new URLSearchParams((await readBody(req)).toString());
    grants.push({ scope: body.get('scope'), auth: req.headers.authorization });
    const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':');
    res.setHeader('content-type', 'application/json');
    if (id !== 'svc-orders' || secret !== SECRET) return void res.writeHead(401).end(JSON.stringify({ error: 'invalid_client' }));
    const granted = (body.get('scope') ?? '').split(' ').filter((s) => s === 'orders.read');
    const token = `opaque-token-${++issued}-abcdef`;
    tokens.set(token, granted);
    res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600, scope: granted.join(' ') }));
  });
  // Exports need orders.write (RFC 6750's insufficient_scope).
  api = await startHttp((req, res) => {
    apiSeen.push(`${req.method} ${req.url}`);
    const scopes = tokens.get(req.headers.authorization?.replace(/^Bearer /, '') ?? '');
    if (!scopes) return void res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end();
    if (req.url?.startsWith('/orders/export') && !scopes.includes('orders.write')) {
      return void res.writeHead(403, { 'www-authenticate': 'Bearer error="insufficient_scope", scope="orders.write"', 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'insufficient_scope' }));
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});
afterAll(async () => {
  await closePools();
  await Promise.all([idp.close(), api.close()]);
});
beforeEach(() => {
  clearTokenCache();
  grants.length = 0;
  apiSeen.length = 0;
});

const key = (scope: string[]) => ({
  name: 'orders-cc', kind: 'oauth2-client-credentials' as const, hosts: [`127.0.0.1:${api.port}`], tokenUrl: `${idp.url}/oauth/token`,
  clientId: 'svc-orders', clientSecret: { secret: true as const }, scope,
});

describe('OAuth 2 token calls', () => {
  it('the token exchange is in the final timeline: marked, masked, granted vs asked; history keeps no secret', async () => {
    const outcomes: SendOutcome[] = [];
    const live: string[] = [];
    const r = await sendThrough({ method: 'GET', url: `${api.url}/orders/export` }, { key: key(['orders.read', 'orders.write']), keySecrets: { clientSecret: SECRET } },
      { history: { record: async (o) => { outcomes.push(o); } }, onEvent: (e) => { if (e.part === 'oauth2-token') live.push(e.type); } });
    expect(r.status).toBe(403);
    const token = [...tokens.keys()].at(-1)!;
    const part = r.timeline.filter((e) => e.part === 'oauth2-token');
    const infos = part.flatMap((e) => (e.type === 'info' ? [e.message] : []));
    expect(infos).toEqual([
      `OAuth2 token from ${idp.url}/oauth/token: 200, scope granted: orders.read (asked: orders.read orders.write)`,
      `OAuth2 token from ${idp.url}/oauth/token: the authorization server did not grant orders.write (client svc-orders)`,
    ]);
    expect(part).toContainEqual(expect.objectContaining({ type: 'request.url', method: 'POST', url: `${idp.url}/oauth/token` }));
    expect(part).toContainEqual(expect.objectContaining({ type: 'header.out', name: 'Authorization', value: 'Basic •••' }));
    expect(part.some((e) => e.type === 'header.in')).toBe(true);
    // The token exchange comes first; the request it served is not marked.
    expect(r.timeline.findIndex((e) => e.part === undefined && e.type === 'request.url')).toBeGreaterThan(r.timeline.findLastIndex((e) => e.part === 'oauth2-token'));
    expect(r.timeline.filter((e) => e.part === undefined && e.type === 'request.url')).toEqual([expect.objectContaining({ url: `${api.url}/orders/export` })]);
    const basic = grants[0]!.auth!.slice(6);
    const text = JSON.stringify(part);
    for (const s of [SECRET, basic, token]) expect(text).not.toContain(s);
    expect(live).toEqual(part.map((e) => e.type));
    // History: no client secret, no Basic credentials, no token.
    const saved = JSON.stringify(buildEntry(outcomes[0]!));
    for (const s of [SECRET, basic, token]) expect(saved).not.toContain(s);
  });

  it('a cached token says so; every scope granted is one info line', async () => {
    const through = { key: key(['orders.read']), keySecrets: { clientSecret: SECRET } };
    await sendThrough({ method: 'GET', url: `${api.url}/orders` }, through);
    const r = await sendThrough({ method: 'GET', url: `${api.url}/orders` }, through);
    expect(r.status).toBe(200);
    expect(grants).toHaveLength(1);
    expect(r.timeline.filter((e) => e.part === 'oauth2-token')).toEqual([
      { type: 'info', t: 0, part: 'oauth2-token', message: `OAuth2 token from ${idp.url}/oauth/token: cached, scope granted: orders.read (asked: orders.read)` },
    ]);
  });

  it('diagnose: the scope the authorization server did not grant is the finding, with whom to ask; no fake fix', async () => {
    const dir = await workspace({ 'keys/orders-cc.yaml': ['name: orders-cc', 'kind: oauth2-client-credentials', 'hosts:', `  - 127.0.0.1:${api.port}`,
      `tokenUrl: ${idp.url}/oauth/token`, 'clientId: svc-orders', 'clientSecret:', '  secret: true', '  env: ORDERS_CC_SECRET', 'scope:', '  - orders.read', '  - orders.write', ''].join('\n') });
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${api.url}/orders/export` }, dir }, { key: 'orders-cc' },
      { deps: { environ: { ORDERS_CC_SECRET: SECRET } } });
    expect(d.baseline.status).toBe(403);
    const f = d.findings?.find((x) => x.id === 'oauth2-token:scope');
    expect(f).toMatchObject({ state: 'fail', cause: 'insufficient-permissions', step: 'auth' });
    expect(f?.text).toContain('did not grant scope orders.write');
    expect(f?.ask).toBe(`Ask the authorization server's admin (127.0.0.1:${idp.port}) to grant scope orders.write to client svc-orders: its token carries orders.read.`);
    expect(d.fix).toBeNull();
    expect(d.cause).toBe('insufficient-permissions');
    expect(d.ask).toContain('orders.write');
    expect(JSON.stringify(d)).not.toContain(SECRET);
  });
});
