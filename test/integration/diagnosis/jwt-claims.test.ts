// The jwt-claims family against an OAuth 2 resource server (RFC 6750): the token's claims are read
// without a request — a missing scope against `WWW-Authenticate: … scope="reports:read"`, an expired
// token — and reported in the conclusion, the checklist and whom to ask; a key profile whose token
// carries the scope is tried first by other-keys and becomes the fix, whose curl succeeds as printed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { bearerError } from '../../../electron/diagnosis/probes/jwt-claims.probe';
import type { ResponseRecord } from '../../../shared/model';
import { startHttp, type TestServer } from '../../support/servers';
import { curlStatus, expectSafe, jwt, verifyJwt, workspace, type Seen } from './helpers';

const ISSUER_SECRET = 'issuer-signing-secret';
const now = Math.floor(Date.now() / 1000);
const READER = jwt({ iss: 'https://id.example', sub: 'svc-reader', aud: 'reports-api', scope: 'orders:read profile', exp: now + 3600 }, ISSUER_SECRET);
const ANALYST = jwt({ iss: 'https://id.example', sub: 'svc-analyst', aud: 'reports-api', scope: 'orders:read reports:read', exp: now + 3600 }, ISSUER_SECRET);
const OTHER = jwt({ iss: 'https://id.example', sub: 'svc-other', scope: 'billing:read', exp: now + 3600 }, ISSUER_SECRET);
const EXPIRED = jwt({ iss: 'https://id.example', sub: 'svc-analyst', scope: 'reports:read', exp: now - 2 * 3600 }, ISSUER_SECRET);

let server: TestServer;
let dir = '';
const seen: Seen[] = [];
const realm = 'realm="reports"';

beforeAll(async () => {
  server = await startHttp((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const claims = token ? verifyJwt(token, ISSUER_SECRET) : null;
    const send = (status: number, www: string | null, body: object): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...(www ? { 'www-authenticate': www } : {}) }).end(JSON.stringify(body));
    };
    if (!claims) return send(401, `Bearer ${realm}`, { error: 'invalid_request' });
    if (typeof claims.exp === 'number' && claims.exp <= Date.now() / 1000) {
      return send(401, `Bearer ${realm}, error="invalid_token", error_description="The access token expired"`, { error: 'invalid_token' });
    }
    const scopes = String(claims.scope ?? '').split(' ');
    if (!scopes.includes('reports:read')) {
      return send(403, `Bearer ${realm}, error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token", scope="reports:read"`,
        { error: 'insufficient_scope' });
    }
    return send(200, null, { reports: [] });
  });
  const bearer = (name: string, env: string): string => ['name: ' + name, 'kind: bearer', 'hosts:', `  - 127.0.0.1:${server.port}`, 'token:', '  secret: true', `  env: ${env}`, ''].join('\n');
  dir = await workspace({
    'keys/reader.yaml': bearer('reader', 'JWT_READER'),
    'keys/other.yaml': bearer('other', 'JWT_OTHER'),
    'keys/zanalyst.yaml': bearer('zanalyst', 'JWT_ANALYST'),
    'keys/expired.yaml': bearer('expired', 'JWT_EXPIRED'),
    // Bound elsewhere: never offered, never sent here.
    'keys/partner.yaml': ['name: partner', 'kind: bearer', 'hosts:', '  - api.partner.example', 'token:', '  secret: true', '  env: JWT_ANALYST', ''].join('\n'),
  });
});
afterAll(async () => { await server.close(); });
beforeEach(() => { seen.length = 0; });

const deps = { environ: { JWT_READER: READER, JWT_ANALYST: ANALYST, JWT_OTHER: OTHER, JWT_EXPIRED: EXPIRED } };

describe('jwt-claims', () => {
  it('a token without the scope the API asks for: the claim is named, the key whose token has it is tried first and is the fix', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/v1/reports` }, dir }, { key: 'reader' }, { deps });
    expect(d.baseline.status).toBe(403);
    const scope = d.findings?.find((f) => f.id === 'jwt-claims:scope');
    expect(scope).toMatchObject({ state: 'fail', cause: 'insufficient-permissions' });
    expect(scope?.text).toContain('The API asks for scope reports:read; the token carries orders:read profile');
    expect(scope?.text).toContain('"zanalyst"');
    expect(d.findings?.find((f) => f.id === 'jwt-claims:exp')?.state).toBe('pass');
    // other-keys tries the key whose token has the scope before "expired" and "other" (listed first), which lack it.
    const tried = d.probes.filter((p) => p.family === 'other-keys').map((p) => p.id);
    expect(tried[0]).toBe('other-keys:zanalyst');
    expect(d.fix?.probe).toBe('other-keys:zanalyst');
    expect(d.cause).toBe('insufficient-permissions');
    expect(d.conclusion).toContain('whose token carries scope reports:read');
    // The key bound to another host never reached this server.
    expect(seen.every((s) => s.headers.authorization !== `Bearer ${ANALYST}` || s.url === '/v1/reports')).toBe(true);
    expectSafe(seen, 40);
    expect(await curlStatus(d.fix!.curl)).toBe('200');
  });

  it('with no key that has the scope: no fix, the checklist and the ask name the scope to request', async () => {
    const solo = await workspace({
      'keys/reader.yaml': ['name: reader', 'kind: bearer', 'hosts:', `  - 127.0.0.1:${server.port}`, 'token:', '  secret: true', '  env: JWT_READER', ''].join('\n'),
    });
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/v1/reports` }, dir: solo }, { key: 'reader' }, { deps, maxProbes: 12 });
    expect(d.fix).toBeNull();
    expect(d.cause).toBe('insufficient-permissions');
    expect(d.ask).toMatch(/^Ask the issuer \(https:\/\/id\.example\) \(or the key's owner\) for a token with scope reports:read: the one sent carries orders:read profile/);
    const auth = d.checklist.find((c) => c.step === 'auth');
    expect(auth?.state).toBe('fail');
    expect(auth?.evidence).toContain('reports:read');
    expectSafe(seen, 12);
  });

  it('an expired token: the expiry is named with its time, and the ask is a fresh token', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/v1/reports`,
      headers: [{ name: 'Authorization', value: `Bearer ${EXPIRED}`, enabled: true }] } }, {}, { maxProbes: 12 });
    expect(d.baseline.status).toBe(401);
    const exp = d.findings?.find((f) => f.id === 'jwt-claims:exp');
    expect(exp).toMatchObject({ state: 'fail', cause: 'invalid-credentials' });
    expect(exp?.text).toMatch(/expired at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, 2 h ago/);
    expect(d.fix).toBeNull();
    expect(d.cause).toBe('invalid-credentials');
    expect(d.ask).toMatch(/^Get a fresh token from the issuer \(https:\/\/id\.example\)/);
    expect(d.conclusion).toContain('The token in Authorization expired');
    expectSafe(seen, 12);
  });

  it('reads RFC 6750 challenges and bodies that name the scope', () => {
    const rec = (headers: Array<[string, string]>, body: string): ResponseRecord => ({ headers, body: { kind: 'inline', encoding: 'utf8', data: body } }) as unknown as ResponseRecord;
    expect(bearerError(rec([['WWW-Authenticate', 'Bearer realm="x", error="insufficient_scope", scope="a:read b:write"']], ''))).toMatchObject({ error: 'insufficient_scope', scopes: ['a:read', 'b:write'] });
    expect(bearerError(rec([], '{"error":"insufficient_scope","required_scope":"reports:read"}')).scopes).toEqual(['reports:read']);
    expect(bearerError(rec([], '{"statusCode":403,"message":"Insufficient scope, expected any of: read:users,read:clients"}'))).toMatchObject({ scopes: ['read:users', 'read:clients'], anyOf: true });
  });
});
