import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import { closePools, send } from '../../../electron/engine';
import { readBody, startHttp, type TestServer } from '../../support/servers';
import { failureOf } from '../../support/failure';

let a: TestServer;
let b: TestServer;
const seenOnB: Array<{ url: string; method: string; headers: IncomingHttpHeaders; body: string }> = [];
const seenOnA: Array<{ url: string; method: string; body: string }> = [];

beforeAll(async () => {
  b = await startHttp(async (req, res) => {
    const body = (await readBody(req)).toString();
    seenOnB.push({ url: req.url!, method: req.method!, headers: req.headers, body });
    res.end(`b:${req.method}:${body}`);
  });
  a = await startHttp(async (req, res) => {
    const body = (await readBody(req)).toString();
    seenOnA.push({ url: req.url!, method: req.method!, body });
    const u = new URL(req.url!, 'http://x');
    const go = (status: number, location: string): void => {
      res.writeHead(status, { Location: location });
      res.end('redirecting');
    };
    switch (u.pathname) {
      case '/302': return go(302, '/final');
      case '/303': return go(303, '/final');
      case '/307': return go(307, '/final');
      case '/308': return go(308, '/final');
      case '/cross': return go(302, `${b.url}/landed`);
      case '/loop1': return go(302, '/loop2');
      case '/loop2': return go(302, '/loop1');
      case '/chain': {
        const n = Number(u.searchParams.get('n'));
        return n > 0 ? go(302, `/chain?n=${n - 1}`) : res.end('end of chain');
      }
      default: res.end(`a:${req.method}:${body}:${req.headers['content-type'] ?? ''}`);
    }
  });
});
afterAll(async () => {
  await closePools();
  await a.close();
  await b.close();
});

const json = { kind: 'json' as const, text: '{"x":1}' };

describe('redirects', () => {
  it('302 and 303 turn POST into GET and drop the body', async () => {
    for (const code of [302, 303]) {
      const rec = await send({ method: 'POST', url: `${a.url}/${code}`, body: json });
      expect(rec.body).toMatchObject({ data: 'a:GET::' });
      expect(rec.redirects).toHaveLength(1);
      expect(rec.redirects[0]).toMatchObject({ status: code, method: 'GET', droppedBody: true, crossOrigin: false });
      expect(rec.redirects[0]!.droppedHeaders).toEqual(expect.arrayContaining(['Content-Length', 'Content-Type']));
      expect(rec.wire.method).toBe('GET');
      expect(rec.wire.bodyBytes).toBeNull();
      expect(rec.url).toBe(`${a.url}/final`);
    }
  });

  it('307 and 308 keep the method and body', async () => {
    for (const code of [307, 308]) {
      const rec = await send({ method: 'POST', url: `${a.url}/${code}`, body: json });
      expect(rec.body).toMatchObject({ data: 'a:POST:{"x":1}:application/json' });
      expect(rec.redirects[0]).toMatchObject({ status: code, method: 'POST', droppedBody: false, droppedHeaders: [] });
    }
  });

  it('does not follow when told not to', async () => {
    const rec = await send({ method: 'GET', url: `${a.url}/302` }, { redirects: { follow: false } });
    expect(rec.status).toBe(302);
    expect(rec.body).toMatchObject({ data: 'redirecting' });
    expect(rec.redirects).toEqual([]);
  });

  it('drops Authorization, Cookie and injected auth on a cross-origin hop (checked on the second server)', async () => {
    seenOnB.length = 0;
    const rec = await send({ method: 'GET', url: `${a.url}/cross`, headers: [
      { name: 'Authorization', value: 'Bearer secret' }, { name: 'Cookie', value: 'sid=1' }, { name: 'X-Keep', value: 'yes' }] },
    undefined, { injectedHeaders: [{ name: 'X-Api-Key', value: 'k', origin: 'auth' }, { name: 'X-Gw', value: 'g', origin: 'gateway' }] });
    expect(rec.status).toBe(200);
    expect(seenOnB).toHaveLength(1);
    const h = seenOnB[0]!.headers;
    expect(h.authorization).toBeUndefined();
    expect(h.cookie).toBeUndefined();
    expect(h['x-api-key']).toBeUndefined();
    expect(h['x-keep']).toBe('yes');
    expect(h['x-gw']).toBe('g');
    expect(h.host).toBe(`127.0.0.1:${b.port}`);
    expect(rec.redirects[0]).toMatchObject({ crossOrigin: true, location: `${b.url}/landed` });
    expect(rec.redirects[0]!.droppedHeaders.sort()).toEqual(['Authorization', 'Cookie', 'X-Api-Key']);
    expect(rec.timeline.filter((e) => e.type === 'redirect')).toHaveLength(1);
    expect(rec.timeline.filter((e) => e.type === 'request.url')).toHaveLength(2);
  });

  it('detects a loop', async () => {
    const f = await failureOf(send({ method: 'GET', url: `${a.url}/loop1` }), 'redirect-loop');
    expect(f.message).toContain('/loop1');
  });

  it('stops after max hops', async () => {
    const ok = await send({ method: 'GET', url: `${a.url}/chain?n=3` }, { redirects: { max: 3 } });
    expect(ok.redirects).toHaveLength(3);
    const f = await failureOf(send({ method: 'GET', url: `${a.url}/chain?n=4` }, { redirects: { max: 3 } }), 'too-many-redirects');
    expect(f.message).toContain('3');
  });
});
