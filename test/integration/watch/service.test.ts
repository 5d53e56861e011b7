// watch.* over the contract: a watch started in the backend pushes watch.onRound for every round and
// watch.onChange for the round where the local server changed its answer; watch.stop ends it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import type { WatchRound } from '../../../shared/contract/watch';
import { createEventHub, createHandlers } from '../../../electron/services';
import { startHttp, type TestServer } from '../../support/servers';

let server: TestServer;
let dir: string;
let hits = 0;
const hub = createEventHub();
const events: Array<[string, Record<string, unknown>]> = [];

beforeAll(async () => {
  server = await startHttp((req, res) => {
    hits++;
    // Open for the first round, then closed: one change to report.
    if (hits > 1) res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  dir = await mkdtemp(join(tmpdir(), 'clearance-watch-svc-'));
  process.env.CLEARANCE_HOME = join(dir, '.home');
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Svc\nid: 0b7e4a11-0000-4000-8000-0000000057c1\n');
  await writeFile(join(dir, 'gate.yaml'), `name: Gate\nmethod: GET\nurl: ${server.url}/gate\n`);
  hub.subscribe((channel, payload) => events.push([channel, payload as Record<string, unknown>]));
});

afterAll(async () => {
  delete process.env.CLEARANCE_HOME;
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('watch service', () => {
  it('start → onRound per round, onChange for the change, list, stop', async () => {
    const handlers = createHandlers({ transport: 'http', version: 't', events: hub });
    const call = async <T>(channel: string, args: unknown) => (await handlers.get(channel)!(args)) as Result<T>;
    const started = await call<{ watchId: string }>('watch.start', { dir, everyMs: 1000 });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const { watchId } = started.value;
    for (let i = 0; i < 200 && !events.some(([c]) => c === 'watch.onChange'); i++) await new Promise((r) => setTimeout(r, 50));
    const listed = await call<{ watches: Array<{ watchId: string }> }>('watch.list', {});
    expect(listed.ok && listed.value.watches.map((x) => x.watchId)).toEqual([watchId]);
    expect(await call('watch.stop', { watchId })).toEqual({ ok: true, value: { stopped: true } });
    const rounds = events.filter(([c]) => c === 'watch.onRound').map(([, p]) => p);
    expect(rounds.slice(0, 2)).toEqual([
      expect.objectContaining({ watchId, round: 1, total: 1, changes: 0 }),
      expect.objectContaining({ watchId, round: 2, total: 1, changes: 1 }),
    ]);
    const changes = events.filter(([c]) => c === 'watch.onChange').map(([, p]) => p as { watchId: string; round: WatchRound });
    expect(changes).toHaveLength(1);
    expect(changes[0]!.round.changes).toEqual([expect.objectContaining({ path: 'gate.yaml', before: { status: 200, statusClass: '2xx', refused: false },
      after: { status: 403, statusClass: '4xx', refused: true } })]);
    expect(await call('watch.start', { dir, everyMs: 10 })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });
});
