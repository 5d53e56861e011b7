// browser-headers' Accept variant: an API that refuses a request whose Accept does not name
// application/json (a 406, or a 403 from a content rule that says so) is fixed by
// `Accept: application/json`, tried first for such a refusal and never for an unrelated one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { startHttp, type TestServer } from '../../support/servers';
import { curlStatus, expectSafe, type Seen } from './helpers';

let server: TestServer;
const seen: Seen[] = [];

beforeAll(async () => {
  server = await startHttp((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const json = /application\/json/.test(req.headers.accept ?? '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (json) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
    if (path === '/strict/items') {
      return void res.writeHead(406, { 'content-type': 'application/json' }).end('{"error":"Not Acceptable: this API only serves application/json"}');
    }
    if (path === '/rule/items') {
      return void res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":"Forbidden: the Accept header must be application/json"}');
    }
    res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
  });
});
afterAll(async () => { await server.close(); });
beforeEach(() => { seen.length = 0; });

describe('browser-headers: Accept for APIs', () => {
  it('a 406: Accept: application/json is tried first and is the fix', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/strict/items` } }, {});
    expect(d.baseline.status).toBe(406);
    expect(d.probes[0]?.id).toBe('browser-headers:accept-json');
    expect(d.fix?.probe).toBe('browser-headers:accept-json');
    expect(d.fix?.curl).toContain("-H 'Accept: application/json'");
    expectSafe(seen, 40);
    expect(await curlStatus(d.fix!.curl)).toBe('200');
  });

  it('a 403 whose words name the Accept header', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/rule/items` } }, {});
    expect(d.fix?.probe).toBe('browser-headers:accept-json');
    expect(await curlStatus(d.fix!.curl)).toBe('200');
  });

  it('an unrelated 403 is not sent an Accept variant', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/other` } }, {}, { maxProbes: 15 });
    expect(d.probes.some((p) => p.id === 'browser-headers:accept-json')).toBe(false);
    expect(d.fix).toBeNull();
  });
});
