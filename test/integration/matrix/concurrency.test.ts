// runMatrix keeps at most 4 cells in flight and every answer in its own row × column slot, whatever
// order the answers come in; a stop aborts the sends in flight and the cells not run come back skipped.
// The server's gate is the truth: it holds answers until 4 requests are waiting, then answers them
// in reverse order of arrival.
import type { ServerResponse } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMatrix } from '../../../electron/matrix';
import { startHttp, type TestServer } from '../../support/servers';

let server: TestServer;
let dir: string;
let mode: 'gate' | 'hang' = 'gate';
let inFlight = 0;
let maxInFlight = 0;
let onArrive: (() => void) | undefined;
const waiting: Array<{ path: string; res: ServerResponse }> = [];

const STATUS: Record<string, number> = { '/r1': 200, '/r2': 403, '/r3': 404, '/r4': 200, '/r5': 500, '/r6': 401, '/r7': 200, '/r8': 204 };

beforeAll(async () => {
  server = await startHttp((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    waiting.push({ path: req.url ?? '', res });
    onArrive?.();
    if (mode === 'gate' && waiting.length === 4) {
      for (const w of waiting.splice(0).reverse()) w.res.writeHead(STATUS[w.path] ?? 500, { 'content-type': 'text/plain' }).end(STATUS[w.path] === 204 ? undefined : 'x');
    }
  });
  dir = await mkdtemp(join(tmpdir(), 'clearance-matrix-pool-'));
  const names = Object.keys(STATUS).map((p) => p.slice(1));
  await writeFile(join(dir, 'clearance.yaml'), `clearance: 1\nname: Pool\nid: 5d0c3a9e-0000-4000-8000-0000000c0001\norder: [${names.join(', ')}]\n`);
  for (const n of names) await writeFile(join(dir, `${n}.yaml`), `name: ${n}\nmethod: GET\nurl: ${server.url}/${n}\n`);
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('runMatrix', () => {
  it('runs 4 cells at a time and keeps every answer in its slot', async () => {
    mode = 'gate';
    const landed: number[] = [];
    const m = await runMatrix(dir, { environ: {}, onCell: (row) => landed.push(row) });
    expect(maxInFlight).toBe(4);
    expect(m.rows.map((r) => r.path)).toEqual(Object.keys(STATUS).map((p) => `${p.slice(1)}.yaml`));
    expect(m.columns.map((c) => c.id)).toEqual(['none @ direct']);
    expect(m.cells.map((row) => row[0]!.status)).toEqual(Object.values(STATUS));
    expect(m.cells.map((row) => row[0]!.statusClass)).toEqual(['2xx', '4xx', '4xx', '2xx', '5xx', '4xx', '2xx', '2xx']);
    // Each cell was reported once as it landed (progress), whatever the order.
    expect([...landed].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('a stop aborts the sends in flight; the cells not answered come back skipped ("stopped")', async () => {
    mode = 'hang';
    waiting.length = 0;
    const stop = new AbortController();
    onArrive = () => {
      if (waiting.length === 4) stop.abort();
    };
    const m = await runMatrix(dir, { environ: {}, signal: stop.signal });
    onArrive = undefined;
    expect(m.stopped).toBe(true);
    expect(m.cells.map((row) => row[0]!.skipped)).toEqual(Array(8).fill('stopped'));
    // The four held requests saw their connections closed; the other four were never sent.
    for (let i = 0; i < 100 && inFlight > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(inFlight).toBe(0);
    expect(waiting).toHaveLength(4);
  });
});
