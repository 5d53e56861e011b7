// The watch log stays small: past its cap the file rolls over to watch.1.jsonl (one old file kept).
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WatchLog } from '../../../electron/watch/log';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-watch-log-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('WatchLog', () => {
  it('appends one JSON line per round and rotates past its cap, keeping one older file', async () => {
    const log = new WatchLog(dir, 1000);
    const round = (n: number) => ({ round: n, at: '2025-01-01T00:00:00.000Z', total: 1, changes: [], target: '/ws', mode: 'collection' as const });
    const size = Buffer.byteLength(`${JSON.stringify(round(10))}\n`);
    const perFile = Math.floor(1000 / size);
    for (let n = 10; n < 10 + perFile * 3; n++) await log.append(round(n));
    expect((await readdir(dir)).sort()).toEqual(['watch.1.jsonl', 'watch.jsonl']);
    const current = (await readFile(log.file, 'utf8')).split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { round: number }).round);
    const older = (await readFile(join(dir, 'watch.1.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { round: number }).round);
    expect(current.at(-1)).toBe(10 + perFile * 3 - 1);
    expect(older.at(-1)).toBe(current[0]! - 1);
    expect(current.length).toBeLessThanOrEqual(perFile);
    expect(older.length).toBe(perFile);
  });
  it('a line a killed writer tore is ended, so the next round is read back whole', async () => {
    const sub = join(dir, 'torn');
    const log = new WatchLog(sub);
    const round = (n: number) => ({ round: n, at: '2025-01-01T00:00:00.000Z', total: 1, changes: [], target: '/ws', mode: 'collection' as const });
    await log.append(round(1));
    await writeFile(log.file, `${await readFile(log.file, 'utf8')}{"round":2,"at":"20`);
    await log.append(round(3));
    const parsed = (await readFile(log.file, 'utf8')).split('\n').filter(Boolean).flatMap((l) => {
      try { return [(JSON.parse(l) as { round: number }).round]; } catch { return []; }
    });
    expect(parsed).toEqual([1, 3]);
  });
});
