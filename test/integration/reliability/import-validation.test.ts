// Issue 14, defect 7: imports wrote files the loader then refused (key profiles with a host that is
// no host, an API-key header `X:`, OAuth 2 without a token URL) or died on a schema dump (a 40-char
// method, an empty name or method) or ENAMETOOLONG (deep folders with long names). Now the import
// repairs or leaves out each, one note a line, and `clearance run` of the result sends every
// request that was kept: the server sees them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
let dir: string;
let home: string;
let server: TestServer;
const seen: Array<{ url: string; auth?: string; key?: string }> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-rel-import-'));
  home = await mkdtemp(join(tmpdir(), 'clearance-rel-home-'));
  server = await startHttp((req, res) => {
    const auth = req.headers.authorization;
    const key = req.headers['x-key'];
    seen.push({ url: req.url ?? '', ...(auth ? { auth } : {}), ...(typeof key === 'string' ? { key } : {}) });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
});

const env = () => ({ CLEARANCE_HOME: home, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });
const bearer = { type: 'bearer', bearer: [{ key: 'token', value: 'tok-1' }] };

describe('an import writes only what the loader accepts', () => {
  it('repairs or leaves out bad keys, methods, names and variables; run sends what was kept', async () => {
    const item = [
      { name: 'ok', request: { method: 'GET', url: `${server.url}/ok`, auth: bearer } },
      { name: 'bad url', request: { method: 'GET', url: 'ht;tps://x/y', auth: bearer } },
      { name: 'colon key', request: { method: 'GET', url: `${server.url}/colon`, auth: { type: 'apikey', apikey: [{ key: 'key', value: 'X:' }, { key: 'value', value: 's3' }, { key: 'in', value: 'header' }] } } },
      { name: 'no token url', request: { method: 'GET', url: `${server.url}/oauth`, auth: { type: 'oauth2', oauth2: [{ key: 'grant_type', value: 'client_credentials' }, { key: 'clientId', value: 'id' }, { key: 'clientSecret', value: 'sec' }] } } },
      { name: 'long method', request: { method: 'M'.repeat(40), url: `${server.url}/long` } },
      { name: '', request: { method: '', url: `${server.url}/empty` } },
    ];
    await writeFile(join(dir, 'p.json'), JSON.stringify({ info: { name: 'P', schema: SCHEMA }, variable: [{ key: 'my var', value: '1' }], item }));
    const out = join(dir, 'ws');
    const r = await runCli(['import', 'postman', join(dir, 'p.json'), '--out', out], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("key profile 'bearer-2': 'ht;tps' is not a host name; bound to localhost only until you set its hosts");
    expect(r.stdout).toMatch(/key profile 'api-key-x': left out, it cannot be written \(param: param must be a valid header name\)/);
    expect(r.stdout).toMatch(/key profile 'oauth2': left out, it cannot be written \(tokenUrl: /);
    expect(r.stdout).toMatch(/request 'long method': left out, it cannot be written as a request file \(method: /);
    expect(r.stdout).toContain("a request without a name is named 'Request'");
    expect(r.stdout).toContain("request 'Request': no method; GET is used");
    expect(r.stdout).toContain("variable 'my var' renamed to 'my_var'");
    expect(r.stdout + r.stderr).not.toMatch(/"code":|too_big|internal error/);

    seen.length = 0;
    const run = await runCli(['run', out], { env: env() });
    expect(run.stdout + run.stderr).not.toMatch(/\.yaml:\d+:\d+/);
    expect(seen).toEqual([{ url: '/ok', auth: 'Bearer tok-1' }, { url: '/colon' }, { url: '/oauth' }, { url: '/empty' }]);
  });

  it('90 nested folders with long names are written with shorter names, and the request runs', async () => {
    let open = '';
    let close = '';
    for (let i = 0; i < 90; i++) {
      open += `{"name":"${`folder name ${i} `.repeat(6)}","item":[`;
      close += ']}';
    }
    const text = `{"info":{"name":"P","schema":"${SCHEMA}"},"item":[${open}{"name":"deep","request":{"method":"GET","url":"${server.url}/deep"}}${close}]}`;
    await writeFile(join(dir, 'deep.json'), text);
    const out = join(dir, 'deep');
    const r = await runCli(['import', 'postman', join(dir, 'deep.json'), '--out', out], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    seen.length = 0;
    const run = await runCli(['run', out], { env: env() });
    expect(run.code, run.stdout).toBe(0);
    expect(seen).toEqual([{ url: '/deep' }]);
  });
});
