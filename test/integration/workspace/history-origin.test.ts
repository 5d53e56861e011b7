// History entries say who sent them (app, CLI, run) and what the explainer made of a refusal
// (producer and cause), so the window can filter by them; history.body serves a kept body.
import { appendFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closePools, send } from '../../../electron/engine';
import { createHistoryService } from '../../../electron/services/history.service';
import { HistoryStore } from '../../../electron/workspace/history';
import { startHttp, type TestServer } from '../../support/servers';

const NGINX_403 = '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';

let dir: string;
let server: TestServer;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-history-origin-'));
  server = await startHttp((req, res) => {
    if (req.url === '/nginx') {
      res.writeHead(403, { server: 'nginx/1.22.1', 'content-type': 'text/html' });
      res.end(NGINX_403);
    } else if (req.url === '/limited') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '30' });
      res.end('{"error":"too many requests"}');
    } else {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('fine');
    }
  });
});
afterEach(async () => {
  await server.close();
  await closePools();
  await rm(dir, { recursive: true, force: true });
});

const spec = (path: string) => ({ method: 'GET', url: `${server.url}${path}`, params: [], headers: [], body: { kind: 'none' as const } });
async function record(h: HistoryStore, path: string, origin?: 'run') {
  const request = spec(path);
  return h.append({ request, response: await send(request), ...(origin ? { origin } : {}) });
}

describe('history origin and explanation', () => {
  it('records the store origin unless the outcome names one, and the producer and cause of a refusal', async () => {
    const cli = new HistoryStore({ dir });
    const app = new HistoryStore({ dir, origin: 'app' });
    const nginx = await record(cli, '/nginx');
    const limited = await record(app, '/limited', 'run');
    const ok = await record(app, '/ok');
    expect(nginx).toMatchObject({ origin: 'cli', status: 403, refused: true, producer: 'nginx', cause: expect.any(String) });
    expect(limited).toMatchObject({ origin: 'run', status: 429, refused: true, cause: 'rate-limited' });
    expect(ok).toMatchObject({ origin: 'app', status: 200 });
    expect(ok.producer).toBeUndefined();
    expect(ok.cause).toBeUndefined();
  });

  it('filters by origin, producer and cause; an entry without an origin counts as the app', async () => {
    const h = new HistoryStore({ dir, origin: 'app' });
    await record(h, '/nginx');
    await record(h, '/limited', 'run');
    await record(h, '/ok');
    // An entry written before origins were recorded.
    await appendFile(join(dir, 'history.jsonl'), `${JSON.stringify({ id: 'old-1', time: new Date().toISOString(), method: 'GET', url: 'http://old/', status: 200, requestHeaders: [], responseHeaders: [] })}\n`);
    const urls = async (q: Parameters<HistoryStore['list']>[0]) => (await h.list(q)).map((e) => e.url.replace(server.url, ''));
    expect(await urls({ origin: ['app', 'cli'] })).toEqual(['http://old/', '/ok', '/nginx']);
    expect(await urls({ origin: ['run'] })).toEqual(['/limited']);
    expect(await urls({ producer: 'NGINX' })).toEqual(['/nginx']);
    expect(await urls({ cause: 'rate-limited' })).toEqual(['/limited']);
    expect(await urls({ grep: 'rate-limited' })).toEqual(['/limited']);
  });

  it('history.body serves the kept body of an entry, and says when the entry is gone', async () => {
    const h = new HistoryStore({ dir, origin: 'app' });
    const e = await record(h, '/limited');
    const service = createHistoryService(h);
    expect(await service.body({ id: e.id })).toEqual({ text: '{"error":"too many requests"}', bytes: 29 });
    await expect(service.body({ id: 'nope' })).rejects.toMatchObject({ info: { code: 'not-found' } });
    await mkdir(join(dir, 'bodies'), { recursive: true });
    await rm(join(dir, e.bodyFile!));
    expect(await service.body({ id: e.id })).toEqual({ text: null, bytes: null });
  });
});
