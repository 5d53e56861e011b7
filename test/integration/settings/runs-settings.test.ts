// Runs, matrices and watches started from the app honour its Settings as a single send does: with a
// proxy set, every request of runner.start, every cell of matrix.run and a watch's round reach the
// proxy (an absolute-form request line proves the client used it); without it, they go to their host.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handler, Result } from '../../../shared/contract';
import { runnerContract, watchContract } from '../../../shared/contract';
import { createHandlers } from '../../../electron/services';
import { createEventHub, type EventHub } from '../../../electron/services/event-hub';
import { SettingsStore } from '../../../electron/settings/settings-store';
import { HistoryStore } from '../../../electron/workspace/history';
import { startHttp, type TestServer } from '../../support/servers';

let home: string;
let ws: string;
let proxy: TestServer;
let direct: TestServer;
let handlers: Map<string, Handler>;
let hub: EventHub;
const seen: { proxy: string[]; direct: string[] } = { proxy: [], direct: [] };

async function ok<T = unknown>(channel: string, args: unknown): Promise<T> {
  const r = (await handlers.get(channel)!(args)) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Starts a run and resolves with its report's statuses when runner.onFinish arrives. */
async function runFolder(): Promise<Array<number | null>> {
  let finish: (statuses: Array<number | null>) => void = () => {};
  const finished = new Promise<Array<number | null>>((r) => { finish = r; });
  const off = hub.subscribe((channel, payload) => {
    if (channel !== runnerContract.events.onFinish.channel) return;
    const p = payload as { report?: { results: Array<{ status: number | null }> } };
    finish((p.report?.results ?? []).map((x) => x.status));
  });
  try {
    await ok('runner.start', { workspace: ws, target: 'api' });
    return await finished;
  } finally {
    off();
  }
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'clearance-run-settings-'));
  // A forward proxy that answers itself, and the host the requests name when sent direct.
  proxy = await startHttp((req, res) => {
    seen.proxy.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('via proxy');
  });
  direct = await startHttp((req, res) => {
    seen.direct.push(`${req.method} ${req.url}`);
    res.writeHead(204).end();
  });
  ws = join(home, 'ws');
  mkdirSync(join(ws, 'api'), { recursive: true });
  writeFileSync(join(ws, 'clearance.yaml'), 'clearance: 1\nname: Proxied\nid: ws-run-settings-1\n');
  writeFileSync(join(ws, 'api', 'folder.yaml'), 'order: [list, item]\n');
  writeFileSync(join(ws, 'api', 'list.yaml'), `name: List\nmethod: GET\nurl: ${direct.url}/list\n`);
  writeFileSync(join(ws, 'api', 'item.yaml'), `name: Item\nmethod: GET\nurl: ${direct.url}/item?id=7\n`);
  const settings = new SettingsStore(join(home, 'settings.json'));
  const history = new HistoryStore({ dir: join(home, 'history'), origin: 'app', maxEntries: async () => 100 });
  hub = createEventHub();
  handlers = createHandlers({ transport: 'http', version: 'test', settingsStore: settings, historyStore: history, bodyDir: join(home, 'bodies'), events: hub });
});

afterAll(async () => {
  await proxy.close();
  await direct.close();
  rmSync(home, { recursive: true, force: true });
});

describe('runs and matrices take the app\'s Settings', () => {
  it('runner.start: without a proxy the host sees the run; with one set, only the proxy does', async () => {
    expect(await runFolder()).toEqual([204, 204]);
    expect(seen.direct).toEqual(['GET /list', 'GET /item?id=7']);
    expect(seen.proxy).toEqual([]);

    await ok('settings.set', { patch: { proxy: { url: proxy.url, noProxy: [] } } });
    seen.direct.length = 0;
    expect(await runFolder()).toEqual([200, 200]);
    expect(seen.proxy).toEqual([`GET ${direct.url}/list`, `GET ${direct.url}/item?id=7`]);
    expect(seen.direct).toEqual([]);
  });

  it('matrix.run: every cell goes through the proxy of the Settings', async () => {
    await ok('settings.set', { patch: { proxy: { url: proxy.url, noProxy: [] } } });
    seen.proxy.length = 0;
    seen.direct.length = 0;
    const { matrix } = await ok<{ matrix: { cells: Array<Array<{ status: number | null }>> } }>('matrix.run', { dir: ws, target: 'api', runId: 'm-settings-1' });
    expect(matrix.cells.map((row) => row.map((c) => c.status))).toEqual([[200], [200]]);
    expect(seen.proxy.sort()).toEqual([`GET ${direct.url}/item?id=7`, `GET ${direct.url}/list`]);
    expect(seen.direct).toEqual([]);

    // The no-proxy list is honoured too: the host itself is named, so the cells go direct.
    await ok('settings.set', { patch: { proxy: { url: proxy.url, noProxy: ['127.0.0.1'] } } });
    seen.proxy.length = 0;
    const again = await ok<{ matrix: { cells: Array<Array<{ status: number | null }>> } }>('matrix.run', { dir: ws, target: 'api', runId: 'm-settings-2' });
    expect(again.matrix.cells.map((row) => row.map((c) => c.status))).toEqual([[204], [204]]);
    expect(seen.proxy).toEqual([]);
  });

  it('watch.start: its first round goes through the proxy of the Settings', async () => {
    await ok('settings.set', { patch: { proxy: { url: proxy.url, noProxy: [] } } });
    seen.proxy.length = 0;
    seen.direct.length = 0;
    let roundDone: () => void = () => {};
    const round = new Promise<void>((r) => { roundDone = r; });
    const off = hub.subscribe((channel) => { if (channel === watchContract.events.onRound.channel) roundDone(); });
    const { watchId } = await ok<{ watchId: string }>('watch.start', { dir: ws, target: 'api', everyMs: 3_600_000 });
    try {
      await round;
      expect(seen.proxy).toEqual([`GET ${direct.url}/list`, `GET ${direct.url}/item?id=7`]);
      expect(seen.direct).toEqual([]);
    } finally {
      off();
      await ok('watch.stop', { watchId });
    }
  });
});
