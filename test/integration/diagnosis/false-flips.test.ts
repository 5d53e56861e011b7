// What looks like a success and is not: a 200 whose body still refuses (Slack-style `"ok": false`,
// a WAF's challenge page served with 200) is no flip, so it never becomes a fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { startHttp, type TestServer } from '../../support/servers';

let server: TestServer;

beforeAll(async () => {
  server = await startHttp((req, res) => {
    const browser = /^Mozilla\//.test(req.headers['user-agent'] ?? '');
    // API clients get a 403; a browser's User-Agent gets a 200 that still says no.
    if (!browser) return void res.writeHead(403, { 'content-type': 'application/json' }).end('{"ok":false,"error":"not_authed"}');
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":false,"error":"not_authed"}');
  });
});
afterAll(async () => { await server.close(); });

describe('false flips', () => {
  it('a 200 whose JSON still refuses is not a fix', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/api/chat.postMessage` } }, {}, { maxProbes: 12 });
    const ua = d.probes.find((p) => p.id === 'browser-headers:user-agent');
    expect(ua).toMatchObject({ status: 200, flipped: false });
    expect(ua?.proved).toBe('answered 200, but what it says is still a refusal');
    expect(d.fix).toBeNull();
    expect(d.ask).toBeTruthy();
  });
});
