// The csrf family against two small apps that check CSRF tokens as the frameworks do: a Django-like
// one (csrftoken cookie, a masked csrfmiddlewaretoken in the page, X-CSRFToken; "CSRF verification
// failed") and a Laravel-like one (a session cookie, <meta name="csrf-token">, X-CSRF-TOKEN; 419
// "CSRF token mismatch"). The diagnosis GETs a token (the same path, else the root), replays the
// POST with it, and the printed curl succeeds. Without --allow-unsafe no POST leaves.
import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { findCsrfToken } from '../../../electron/diagnosis/probes/csrf.probe';
import { readBody, startHttp, type TestServer } from '../../support/servers';
import { curlStatus, expectSafe, type Seen } from './helpers';

let django: TestServer;
let laravel: TestServer;
const seen: Seen[] = [];
const sessions = new Map<string, string>();

const cookies = (req: IncomingMessage): Map<string, string> =>
  new Map((req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=') as [string, string]).filter(([k, v]) => k && v));
const mask = (secret: string): string => createHmac('sha256', 'mask').update(secret).digest('hex');

beforeAll(async () => {
  django = await startHttp(async (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    await readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/api/transfer') {
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST', 'content-type': 'text/html' }).end('<h1>Method Not Allowed</h1>');
      const secret = cookies(req).get('csrftoken');
      const sent = String(req.headers['x-csrftoken'] ?? '');
      if (!secret || (sent !== secret && sent !== mask(secret))) {
        res.writeHead(403, { 'content-type': 'text/html; charset=utf-8', 'x-frame-options': 'DENY' })
          .end(`<html><body><div id="summary"><h1>Forbidden <span>(403)</span></h1><p>CSRF verification failed. Request aborted.</p><p>${secret ? 'CSRF token incorrect.' : 'CSRF cookie not set.'}</p></div></body></html>`);
        return;
      }
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"transferred":true}');
    }
    if (url.pathname === '/') {
      const secret = cookies(req).get('csrftoken') ?? randomBytes(16).toString('hex');
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': `csrftoken=${secret}; Path=/; SameSite=Lax` })
        .end(`<html><body><form method="post" action="/api/transfer"><input type="hidden" name="csrfmiddlewaretoken" value="${mask(secret)}"><button>Send</button></form></body></html>`);
      return;
    }
    res.writeHead(404).end();
  });
  laravel = await startHttp(async (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    await readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const sid = cookies(req).get('app_session');
    if (req.method === 'GET') {
      const id = sid && sessions.has(sid) ? sid : randomBytes(12).toString('hex');
      if (!sessions.has(id)) sessions.set(id, randomBytes(20).toString('hex'));
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': `app_session=${id}; Path=/; HttpOnly` })
        .end(`<!doctype html><html><head><meta charset="utf-8"><meta name="csrf-token" content="${sessions.get(id)}"><title>${url.pathname}</title></head><body>ok</body></html>`);
      return;
    }
    if (!sid || !sessions.has(sid) || req.headers['x-csrf-token'] !== sessions.get(sid)) {
      return void res.writeHead(419, { 'content-type': 'application/json' }).end('{"message":"CSRF token mismatch."}');
    }
    res.writeHead(201, { 'content-type': 'application/json' }).end('{"saved":true}');
  });
});
afterAll(async () => {
  await django.close();
  await laravel.close();
});
beforeEach(() => { seen.length = 0; });

const post = (url: string) => ({ kind: 'spec' as const, request: { method: 'POST', url, body: { kind: 'json' as const, text: '{"amount":5}' } } });

describe('csrf', () => {
  it('Django: the same path hands out no token, the root does; the POST replayed with cookie and X-CSRFToken succeeds, and so does the printed curl', async () => {
    const d = await diagnoseSource(post(`${django.url}/api/transfer`), {}, { allowUnsafe: true });
    expect(d.explanation.cause).toBe('csrf');
    expect(d.probes.slice(0, 3).map((p) => p.id)).toEqual(['csrf:fetch', 'csrf:fetch-root', 'csrf:token']);
    expect(d.probes[0]?.proved).toMatch(/GET \/api\/transfer hands out no CSRF token/);
    expect(d.probes[1]?.proved).toBe('GET / hands out a CSRF token (the form field csrfmiddlewaretoken), read by X-CSRFToken');
    expect(d.probes[1]?.flipped).toBe(false);
    expect(d.fix?.probe).toBe('csrf:token');
    expect(d.fix?.status).toBe(200);
    expect(d.cause).toBe('csrf');
    expect(d.fix?.curl).toMatch(/-H 'Cookie: csrftoken=[0-9a-f]{32}'/);
    expect(d.fix?.curl).toMatch(/-H 'X-CSRFToken: [0-9a-f]{64}'/);
    // The fetches were GETs; the POSTs are the baseline, the replay and its confirmation.
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(3);
    expectSafe(seen, 40, { allowed: ['POST'] });
    seen.length = 0;
    expect(await curlStatus(d.fix!.curl)).toBe('200');
    expect(seen[0]?.method).toBe('POST');
  });

  it('Laravel: a session-bound token from <meta name="csrf-token"> on the same path, echoed in X-CSRF-Token with the session cookie', async () => {
    const d = await diagnoseSource(post(`${laravel.url}/profile`), {}, { allowUnsafe: true });
    expect(d.baseline.status).toBe(419);
    expect(d.probes[0]).toMatchObject({ id: 'csrf:fetch', method: 'GET', status: 200 });
    expect(d.probes[0]?.proved).toContain('<meta name="csrf-token">');
    expect(d.fix?.probe).toBe('csrf:token');
    expect(d.fix?.status).toBe(201);
    expect(await curlStatus(d.fix!.curl)).toBe('201');
  });

  it('without --allow-unsafe no POST is sent: the token is fetched with GET only and no replay goes out', async () => {
    const d = await diagnoseSource(post(`${django.url}/api/transfer`), {}, { maxProbes: 10 });
    expect(seen.filter((s) => s.method !== 'GET' && s.method !== 'HEAD' && s.method !== 'OPTIONS')).toEqual([]);
    expect(d.fix).toBeNull();
    expectSafe(seen, 10);
  });

  it('finds tokens where frameworks put them', () => {
    const h = (pairs: Array<[string, string]>) => ({ headers: pairs });
    expect(findCsrfToken(h([['Set-Cookie', 'XSRF-TOKEN=abc%3D%3D; Path=/']]), '')).toEqual({ value: 'abc==', header: 'X-XSRF-TOKEN', from: 'the XSRF-TOKEN cookie' });
    expect(findCsrfToken(h([]), '<meta content="t0k3n" name="csrf-token" />')?.header).toBe('X-CSRF-Token');
    expect(findCsrfToken(h([]), '<meta name="_csrf" content="s1"><meta name="_csrf_header" content="X-XSRF-HEADER">')).toMatchObject({ value: 's1', header: 'X-XSRF-HEADER' });
    expect(findCsrfToken(h([]), "<input type='hidden' name='authenticity_token' value='r41ls'>")).toMatchObject({ value: 'r41ls', header: 'X-CSRF-Token' });
    expect(findCsrfToken(h([['x-csrf-token', 'Required']]), '')).toBeNull();
    expect(findCsrfToken(h([['X-CSRF-Token', 'sap-123']]), '')?.value).toBe('sap-123');
  });
});
