import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { send, closePools } from '../../../electron/engine';
import { createHistoryService } from '../../../electron/services/history.service';
import { HistoryStore, appHome } from '../../../electron/workspace/history';
import { startHttp, type TestServer } from '../../support/servers';

let dir: string;
let server: TestServer;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-history-'));
  server = await startHttp((req, res) => {
    const status = req.url?.startsWith('/deny') ? 403 : 200;
    res.writeHead(status, [['content-type', 'text/plain'], ['set-cookie', 'sid=abc123'], ['x-echo', String(req.headers['x-api-key'] ?? '')]]);
    res.end(`you sent ${req.headers['x-api-key'] ?? 'nothing'}`);
  });
});
afterEach(async () => {
  await server.close();
  await closePools();
  await rm(dir, { recursive: true, force: true });
});

async function sendAndRecord(h: HistoryStore, path: string, key = 'k-secret-777') {
  const request = { method: 'GET', url: `${server.url}${path}?key=${key}`, params: [], headers: [{ name: 'X-Api-Key', value: key, enabled: true }, { name: 'X-Plain', value: 'hello', enabled: true }], body: { kind: 'none' as const } };
  const response = await send(request);
  return h.append({ request, response, secrets: [key] });
}

describe('history', () => {
  it('appends JSON lines with bodies in side files, secrets and credential headers redacted, newest first', async () => {
    const h = new HistoryStore({ dir });
    await sendAndRecord(h, '/ok');
    await sendAndRecord(h, '/deny/x');
    const raw = await readFile(join(dir, 'history.jsonl'), 'utf8');
    expect(raw.trim().split('\n')).toHaveLength(2);
    const bodies = await readdir(join(dir, 'bodies'));
    expect(bodies).toHaveLength(2);
    const everything = raw + (await Promise.all(bodies.map((b) => readFile(join(dir, 'bodies', b), 'utf8')))).join('');
    expect(everything).not.toContain('k-secret-777');
    expect(everything).not.toContain('abc123');
    const [newest, oldest] = await h.list();
    expect(newest).toMatchObject({ status: 403, method: 'GET' });
    expect(newest!.url).toBe(`${server.url}/deny/x?key=•••`);
    expect(newest!.requestHeaders).toContainEqual({ name: 'X-Api-Key', value: '•••', origin: 'user' });
    expect(newest!.requestHeaders).toContainEqual({ name: 'X-Plain', value: 'hello', origin: 'user' });
    expect(newest!.responseHeaders).toContainEqual(['x-echo', '•••']);
    expect(await h.readBody(newest!)).toBe('you sent •••');
    expect(oldest).toMatchObject({ status: 200 });
  });

  it('filters by status (exact or class) and text, with a limit', async () => {
    const h = new HistoryStore({ dir });
    await sendAndRecord(h, '/ok/one');
    await sendAndRecord(h, '/deny/two');
    await sendAndRecord(h, '/ok/three');
    await h.append({ request: { method: 'GET', url: 'http://127.0.0.1:1/', params: [], headers: [], body: { kind: 'none' } }, error: { code: 'connection-refused', message: 'refused' } });
    expect((await h.list({ status: 403 })).map((e) => e.url)).toEqual([expect.stringContaining('/deny/two')]);
    expect((await h.list({ status: '2xx' })).map((e) => e.url)).toEqual([expect.stringContaining('/ok/three'), expect.stringContaining('/ok/one')]);
    expect((await h.list({ grep: 'THREE' }))).toHaveLength(1);
    expect((await h.list({ grep: 'connection-refused' }))[0]).toMatchObject({ status: null, error: { code: 'connection-refused' } });
    expect(await h.list({ limit: 2 })).toHaveLength(2);
    expect(await h.clear()).toBe(4);
    expect(await h.list()).toEqual([]);
  });

  it('prunes by age and by total size on append', async () => {
    let now = Date.UTC(2026, 0, 1);
    const h = new HistoryStore({ dir, pruneEveryMs: 0, maxAgeMs: 24 * 3600 * 1000, maxBytes: 1_000_000, now: () => now });
    await sendAndRecord(h, '/ok/old');
    now += 2 * 24 * 3600 * 1000;
    await sendAndRecord(h, '/ok/new');
    expect((await h.list()).map((e) => e.url)).toEqual([expect.stringContaining('/ok/new')]);
    expect(await readdir(join(dir, 'bodies'))).toHaveLength(1);
    const small = new HistoryStore({ dir, pruneEveryMs: 0, maxBytes: 1500, now: () => now });
    for (let i = 0; i < 6; i++) await sendAndRecord(small, `/ok/${i}`);
    const left = await small.list();
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(6);
    expect(left[0]!.url).toContain('/ok/5');
    const size = (await readFile(join(dir, 'history.jsonl'))).length;
    expect(size).toBeLessThanOrEqual(1500);
  });

  it('no log is an empty history; a log that cannot be read fails list and clear, naming the folder', async () => {
    const svc = createHistoryService(new HistoryStore({ dir }));
    expect(await svc.list({ limit: 10 })).toEqual({ entries: [] });
    await sendAndRecord(new HistoryStore({ dir }), '/ok');
    await rm(join(dir, 'history.jsonl'));
    await mkdir(join(dir, 'history.jsonl')); // a folder in its place: fails for root too
    await expect(svc.list({ limit: 10 })).rejects.toMatchObject({ info: { code: 'history-unreadable', message: expect.stringContaining(dir) } });
    await expect(svc.clear({})).rejects.toMatchObject({ info: { code: 'history-clear-failed', message: expect.stringContaining('EISDIR') } });
    expect(await readdir(join(dir, 'bodies'))).toHaveLength(1);
  });

  it('a line a killed writer tore does not swallow the next entry', async () => {
    const h = new HistoryStore({ dir });
    const first = await sendAndRecord(h, '/ok');
    // a crash mid-append: half of a line, no newline
    const log = join(dir, 'history.jsonl');
    await writeFile(log, `${await readFile(log, 'utf8')}${JSON.stringify(first).slice(0, 40)}`);
    const next = await sendAndRecord(h, '/deny/after-crash');
    expect((await h.list()).map((e) => e.id)).toEqual([next.id, first.id]);
    expect((await readFile(log, 'utf8')).endsWith('\n')).toBe(true);
  });

  it('lives in CLEARANCE_HOME, else the platform data folder', () => {
    expect(appHome({ CLEARANCE_HOME: '/x/y' }, 'linux')).toBe('/x/y');
    expect(appHome({ XDG_DATA_HOME: '/d' }, 'linux')).toBe('/d/clearance');
    expect(appHome({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.Clearance$/);
    expect(appHome({}, 'darwin')).toMatch(/Library\/Application Support\/Clearance$/);
  });
});
