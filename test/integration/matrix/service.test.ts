// matrix.* over the contract, as the app calls it: the same bound handlers IPC and serve register,
// cells streamed as matrix.onCell, the expectation read, written and compared.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import type { Comparison, Matrix } from '../../../shared/contract/matrix';
import { createEventHub, createHandlers } from '../../../electron/services';
import { SECRETS_ENV, startWorld, type MatrixWorld } from './fixture';

let w: MatrixWorld;
const hub = createEventHub();
const events: Array<[string, unknown]> = [];
let handlers: ReturnType<typeof createHandlers>;

beforeAll(async () => {
  w = await startWorld();
  process.env.CLEARANCE_HOME = join(w.dir, '.home');
  hub.subscribe((channel, payload) => events.push([channel, payload]));
  handlers = createHandlers({ transport: 'ipc', version: 't', events: hub, environ: { ...process.env, ...SECRETS_ENV } });
}, 60_000);

afterAll(async () => {
  delete process.env.CLEARANCE_HOME;
  await w?.stop();
});

async function call<T>(channel: string, args: unknown): Promise<Result<T>> {
  return (await handlers.get(channel)!(args)) as Result<T>;
}

describe('matrix service', () => {
  it('matrix.run streams each cell, matrix.update writes access.yaml, the next run compares with it', async () => {
    const args = { dir: w.dir, env: 'local', keys: ['alice', 'bob'], gateways: ['edge'], runId: 'm1' };
    const before = w.log().length;
    const run = await call<{ matrix: Matrix; comparison: Comparison | null }>('matrix.run', args);
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.comparison).toBeNull();
    const cells = events.filter(([c]) => c === 'matrix.onCell').map(([, p]) => p as { runId: string; row: number; column: number; cell: { status: number } });
    expect(cells).toHaveLength(5 * 2);
    for (const e of cells) expect(e.cell).toEqual(run.value.matrix.cells[e.row]![e.column]);
    // 4 GETs × 2 keys; HAProxy answered /admin itself.
    expect(w.log().length - before).toBe(6);

    const none = await call<{ exists: boolean }>('matrix.expectation', { dir: w.dir });
    expect(none).toMatchObject({ ok: true, value: { exists: false, requests: {} } });
    const up = await call<{ file: string; changed: number }>('matrix.update', { dir: w.dir, matrix: run.value.matrix });
    expect(up).toMatchObject({ ok: true, value: { file: join(w.dir, 'access.yaml'), changed: 8 } });
    const read = await call<{ requests: Record<string, Record<string, unknown>> }>('matrix.expectation', { dir: w.dir });
    expect(read.ok && read.value.requests['admin.yaml']).toEqual({ 'alice @ edge': 'deny', 'bob @ edge': 'deny' });
    const again = await call<{ comparison: Comparison }>('matrix.run', { ...args, runId: 'm2' });
    expect(again.ok && again.value.comparison).toMatchObject({ checked: 8, drift: [] });
    await rm(join(w.dir, 'access.yaml'));
  });

  it('refuses a target outside the workspace and bad arguments', async () => {
    expect(await call('matrix.run', { dir: w.dir, target: '../elsewhere', runId: 'm3' })).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
    expect(await call('matrix.run', { dir: w.dir })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await call('matrix.run', { dir: w.dir, keys: ['nobody'], runId: 'm4' })).toMatchObject({ ok: false, error: { code: 'unknown-profile' } });
    expect(await call('matrix.stop', { runId: 'not-running' })).toEqual({ ok: true, value: { stopped: false } });
  });
});
