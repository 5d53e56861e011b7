// The serve transport end to end: a workspace file's send streams its timeline on GET /events while
// it is in flight, and requests.cancel with its send id aborts it — the upstream server sees the
// connection closed before it answered.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHub, createHandlers } from '../../../electron/services';
import { startServe, type RunningServer } from '../../../electron/serve/server';
import { startHttp, type TestServer } from '../../support/servers';

let serve: RunningServer;
let upstream: TestServer;
let ws: string;
let staticDir: string;
/** what the upstream saw for each request id: answered, or the client went away first */
const seen = new Map<string, 'aborted' | 'answered'>();

function rpc(channel: string, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: serve.port, path: `/rpc/${channel}`, method: 'POST',
      headers: { 'content-type': 'application/json', 'x-clearance-token': serve.token } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

/** Opens the event stream and collects `requests.onTimeline` payloads until closed. */
function openEvents(token: string): Promise<{ res: IncomingMessage; payloads: Array<{ sendId: string; event: { type: string } }>; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: serve.port, path: '/events', headers: { 'x-clearance-token': token } }, (res) => {
      const payloads: Array<{ sendId: string; event: { type: string } }> = [];
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: requests.onTimeline') && data) payloads.push(JSON.parse(data.slice(6)));
        }
      });
      resolve({ res, payloads, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  upstream = await startHttp((req, res) => {
    const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id') ?? '?';
    // Slow: the answer comes after 3 s unless the client goes away first.
    const timer = setTimeout(() => {
      seen.set(id, 'answered');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('late');
    }, 3000);
    res.on('close', () => {
      if (!res.writableEnded) {
        clearTimeout(timer);
        seen.set(id, 'aborted');
      }
    });
  });
  ws = await mkdtemp(join(tmpdir(), 'clearance-ws-events-'));
  await writeFile(join(ws, 'clearance.yaml'), 'name: Events\nid: 7a1c0e52-0000-4000-8000-00000000e001\n');
  await mkdir(join(ws, 'requests'), { recursive: true });
  await writeFile(join(ws, 'slow.yaml'), `name: slow\nmethod: GET\nurl: ${upstream.url}/slow?id=file\n`);
  staticDir = await mkdtemp(join(tmpdir(), 'clearance-static-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Clearance</title>');
  const events = createEventHub();
  serve = await startServe({ handlers: createHandlers({ transport: 'http', version: 't', events }), staticDir, events });
});

afterAll(async () => {
  await serve.close();
  await upstream.close();
  await rm(ws, { recursive: true, force: true });
  await rm(staticDir, { recursive: true, force: true });
});

describe('serve: events and cancel', () => {
  it('refuses the event stream without the token', async () => {
    const { res, close } = await openEvents('wrong-token');
    expect(res.statusCode).toBe(401);
    close();
  });

  it('streams a workspace send while in flight, and requests.cancel aborts it at the server', async () => {
    const stream = await openEvents(serve.token);
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toMatch(/text\/event-stream/);
    const sending = rpc('workspace.sendRequest', { dir: ws, path: 'slow.yaml', sendId: 'send-file-1' });
    // The request went out: its events reached the stream before any response exists.
    await until(() => stream.payloads.some((p) => p.sendId === 'send-file-1' && p.event.type === 'request.url'), 'the request.url event');
    // Headers are reported when the engine writes them, after the connection: they stream too.
    await until(() => stream.payloads.some((p) => p.sendId === 'send-file-1' && p.event.type === 'header.out'), 'a header.out event');
    expect(seen.get('file')).not.toBe('answered');
    const cancelled = await rpc('requests.cancel', { sendId: 'send-file-1' });
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
    const result = await sending;
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await until(() => seen.has('file'), 'the upstream to notice');
    expect(seen.get('file')).toBe('aborted');
    stream.close();
  });

  it('cancels a scratch send by its id too, and a finished send is no longer cancellable', async () => {
    const sending = rpc('requests.send', { request: { method: 'GET', url: `${upstream.url}/slow?id=scratch` }, sendId: 'send-scratch-1' });
    await until(() => upstream.connections > 1, 'the scratch connection');
    await new Promise((r) => setTimeout(r, 100));
    expect(await rpc('requests.cancel', { sendId: 'send-scratch-1' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await sending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await until(() => seen.has('scratch'), 'the upstream to notice');
    expect(seen.get('scratch')).toBe('aborted');
    expect(await rpc('requests.cancel', { sendId: 'send-scratch-1' })).toEqual({ ok: true, value: { cancelled: false } });
  });
});
