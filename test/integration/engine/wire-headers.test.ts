import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { closePools, send, validateRequest, SendFailure } from '../../../electron/engine';
import { startHttp, type TestServer } from '../../support/servers';
import { failureOf } from '../../support/failure';
import type { TimelineEvent } from '../../../shared/model';

let server: TestServer;
let last: IncomingMessage | undefined;

beforeAll(async () => {
  server = await startHttp((req, res) => {
    last = req;
    req.resume();
    req.on('end', () => {
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.end('ok');
    });
  });
});
afterAll(async () => {
  await closePools();
  await server.close();
});

describe('wire and headers', () => {
  it('reports every header on the wire, in order, with its origin', async () => {
    const events: TimelineEvent[] = [];
    const rec = await send({
      method: 'GET', url: `${server.url}/p?x=1`,
      params: [{ name: 'q', value: 'a b&c/é' }, { name: 'off', value: '1', enabled: false }],
      headers: [{ name: 'X-Custom', value: 'v1' }, { name: 'X-Off', value: 'no', enabled: false }],
    }, undefined, { onEvent: (e) => events.push(e), injectedHeaders: [{ name: 'Authorization', value: 'Bearer t', origin: 'auth' }] });
    expect(rec.status).toBe(200);
    expect(last!.url).toBe('/p?x=1&q=a%20b%26c%2F%C3%A9');
    expect(rec.wire.requestLine).toBe('GET /p?x=1&q=a%20b%26c%2F%C3%A9 HTTP/1.1');
    const pairs: string[] = [];
    for (const h of rec.wire.headers) pairs.push(h.name, h.value);
    expect(last!.rawHeaders).toEqual(pairs);
    expect(rec.wire.headers.map((h) => `${h.name}:${h.origin}`)).toEqual([
      'host:computed', 'connection:computed', 'User-Agent:default', 'Accept:default', 'Accept-Encoding:default', 'X-Custom:user', 'Authorization:auth',
    ]);
    expect(rec.wire.headers.find((h) => h.name === 'User-Agent')!.value).toMatch(/^clearance\/\d+\.\d+\.\d+/);
    expect(rec.wire.bodyBytes).toBeNull();
    expect(rec.headers.filter(([k]) => k === 'Set-Cookie').map(([, v]) => v)).toEqual(['a=1', 'b=2']);
    expect(events.filter((e) => e.type === 'header.out')).toHaveLength(7);
    expect(events.some((e) => e.type === 'header.in')).toBe(true);
    expect(rec.timeline).toEqual(events);
  });

  it('lets the user replace defaults and Host, and an injected header wins over a user one', async () => {
    const rec = await send({
      method: 'GET', url: `${server.url}/`,
      headers: [{ name: 'user-agent', value: 'mine' }, { name: 'Accept-Encoding', value: 'identity' }, { name: 'Host', value: 'api.example' },
        { name: 'X-Key', value: 'user' }],
    }, undefined, { injectedHeaders: [{ name: 'X-Key', value: 'gw', origin: 'gateway' }] });
    expect(last!.headers['user-agent']).toBe('mine');
    expect(last!.headers['accept-encoding']).toBe('identity');
    expect(last!.headers.host).toBe('api.example');
    expect(last!.headers['x-key']).toBe('gw');
    expect(rec.wire.headers.find((h) => h.name === 'host')!.origin).toBe('user');
    expect(rec.wire.headers.filter((h) => h.name.toLowerCase() === 'x-key')).toEqual([{ name: 'X-Key', value: 'gw', origin: 'gateway' }]);
  });

  it('omits Accept-Encoding when decompression is off', async () => {
    await send({ method: 'GET', url: server.url }, { decompression: { enabled: false } });
    expect(last!.headers['accept-encoding']).toBeUndefined();
  });

  it('refuses CR/LF/NUL in header values and bad names before connecting', async () => {
    const before = server.connections;
    const bad = ['a\r\nX-Injected: 1', 'a\nb', 'a\u0000b', 'a\u0007b'];
    for (const value of bad) {
      const f = await failureOf(send({ method: 'GET', url: `${server.url}/`, headers: [{ name: 'X-A', value }] }), 'invalid-header');
      expect(f.message).toContain('X-A');
    }
    await failureOf(send({ method: 'GET', url: `${server.url}/`, headers: [{ name: 'Bad Name', value: 'x' }] }), 'invalid-header');
    await failureOf(send({ method: 'GET', url: `${server.url}/`, headers: [{ name: 'X\r\nY', value: 'x' }] }), 'invalid-header');
    await failureOf(send({ method: 'GET', url: `${server.url}/` }, undefined,
      { injectedHeaders: [{ name: 'Authorization', value: 'x\r\nEvil: 1', origin: 'auth' }] }), 'invalid-header');
    expect(() => validateRequest({ method: 'GET', url: server.url, headers: [{ name: 'X', value: 'a\rb' }] })).toThrow(SendFailure);
    // disabled rows are not sent, so they are not checked
    expect(() => validateRequest({ method: 'GET', url: server.url, headers: [{ name: 'X', value: 'a\rb', enabled: false }] })).not.toThrow();
    await failureOf(send({ method: 'GE T', url: `${server.url}/` }), 'invalid-method');
    await failureOf(send({ method: 'GET', url: `${server.url}/` }, { timeouts: { connectMs: -5 } }), 'invalid-options');
    expect(server.connections).toBe(before);
  });

  it('refuses invalid and non-http URLs', async () => {
    for (const url of ['not a url', 'ftp://127.0.0.1/x', 'file:///etc/passwd', '/relative', 'http://']) {
      const f = await failureOf(send({ method: 'GET', url }), 'invalid-url');
      expect(f.info.remedy.length).toBeGreaterThan(0);
    }
  });

  it('reuses the keep-alive connection and says so', async () => {
    await send({ method: 'GET', url: `${server.url}/a` });
    const rec = await send({ method: 'GET', url: `${server.url}/b` });
    const connect = rec.timeline.find((e) => e.type === 'connect');
    expect(connect).toMatchObject({ type: 'connect', reused: true });
    expect(rec.timings.connect).toBeNull();
    expect(rec.timings.dns).toBeNull();
    expect(rec.timings.tls).toBeNull();
    expect(rec.remoteAddress).toBe('127.0.0.1');
  });

  it('sends Content-Length: 0 for a POST without body and HEAD gets no body', async () => {
    const post = await send({ method: 'POST', url: server.url });
    expect(last!.headers['content-length']).toBe('0');
    expect(post.wire.headers.at(-1)).toEqual({ name: 'content-length', value: '0', origin: 'computed' });
    const head = await send({ method: 'HEAD', url: server.url });
    expect(head.status).toBe(200);
    expect(head.body).toEqual({ kind: 'inline', encoding: 'utf8', data: '' });
  });
});
