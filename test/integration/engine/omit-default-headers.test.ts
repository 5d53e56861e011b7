// A default header switched off (omitDefaultHeaders) is not on the wire, as the server sees it,
// whether the engine is called directly or through prepare() + sendPrepared (the app's path).
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePools, send } from '../../../electron/engine';
import { prepare } from '../../../electron/pipeline/prepare';
import { sendPrepared } from '../../../electron/pipeline/send-prepared';
import { startHttp, type TestServer } from '../../support/servers';

let server: TestServer;
let seen: IncomingMessage['headers'] = {};

beforeAll(async () => {
  server = await startHttp((req, res) => {
    seen = req.headers;
    req.resume();
    req.on('end', () => res.end('ok'));
  });
});
afterAll(async () => {
  await closePools();
  await server.close();
});

const post = () => ({ method: 'POST', url: `${server.url}/x`, headers: [], body: { kind: 'json' as const, text: '{"a":1}' } });

describe('switching default headers off', () => {
  it('sends User-Agent, Accept, Accept-Encoding and Content-Type by default', async () => {
    await send(post());
    expect(seen['user-agent']).toMatch(/^clearance\//);
    expect(seen.accept).toBe('*/*');
    expect(seen['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen['content-type']).toBe('application/json');
  });

  it('leaves out each one switched off, on the wire and in the record', async () => {
    const rec = await send(post(), { omitDefaultHeaders: ['user-agent', 'accept', 'accept-encoding', 'content-type'] });
    expect(Object.keys(seen).sort()).toEqual(['connection', 'content-length', 'host']);
    expect(rec.wire.headers.map((h) => h.name.toLowerCase()).sort()).toEqual(['connection', 'content-length', 'host']);
  });

  it('sends a header the request sets itself even when its default is off', async () => {
    await send({ ...post(), headers: [{ name: 'User-Agent', value: 'mine/1' }] }, { omitDefaultHeaders: ['user-agent'] });
    expect(seen['user-agent']).toBe('mine/1');
    expect(seen.accept).toBe('*/*');
  });

  it('goes through prepare() and sendPrepared like every app send', async () => {
    const prepared = await prepare({ kind: 'spec', request: post() }, { options: { omitDefaultHeaders: ['user-agent', 'content-type'] } });
    expect(prepared.headers.map((h) => h.name)).toEqual(['Accept', 'Accept-Encoding']);
    await sendPrepared(prepared, {});
    expect(seen['user-agent']).toBeUndefined();
    expect(seen['content-type']).toBeUndefined();
    expect(seen.accept).toBe('*/*');
  });
});
