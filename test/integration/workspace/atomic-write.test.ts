import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTempFiles, isTempFile, loadWorkspace, writeFileAtomic } from '../../../electron/workspace';
import { bigContent, versionIn } from './fixtures/big-content';

const WRITER = join(import.meta.dirname, 'fixtures', 'atomic-writer.ts');
const KILLS = 30;

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'clearance-atomic-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

function runWriterAndKill(target: string, start: number, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, target, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited on its own: ${err}`))));
  });
}

describe('atomic writes', () => {
  it(`a writer killed with SIGKILL ${KILLS} times never leaves a torn file: always one complete version`, async () => {
    const target = join(dir, 'big.yaml');
    await writeFileAtomic(target, bigContent(0));
    let last = 0;
    const seen = new Set<number>();
    for (let i = 0; i < KILLS; i++) {
      await runWriterAndKill(target, last + 1, 20 + Math.floor(Math.random() * 250));
      const text = await readFile(target, 'utf8');
      const v = versionIn(text);
      expect(v, `kill ${i}: file starts with a version`).not.toBeNull();
      expect(text === bigContent(v!), `kill ${i}: version ${v} is complete`).toBe(true);
      expect(v!).toBeGreaterThanOrEqual(last);
      seen.add(v!);
      last = v!;
    }
    // the writer did make progress between kills (the test exercised real overwrites)
    expect(seen.size).toBeGreaterThan(5);
  }, 120_000);

  it('temp files a killed writer left are ignored by the loader and cleaned up once stale', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'clearance-atomic-ws-'));
    try {
      await writeFile(join(ws, 'clearance.yaml'), 'clearance: 1\nname: W\nid: abcdefgh-1\n');
      const stale = join(ws, '.r.yaml.clearance-tmp-99-dead');
      const fresh = join(ws, '.q.yaml.clearance-tmp-98-live');
      await writeFile(stale, 'name: half');
      await writeFile(fresh, 'name: half');
      const old = new Date(Date.now() - 3_600_000);
      await utimes(stale, old, old);
      const snap = await loadWorkspace(ws);
      expect(snap.tree).toEqual([]);
      expect(snap.problems).toEqual([]);
      const left = await readdir(ws);
      expect(left).not.toContain('.r.yaml.clearance-tmp-99-dead');
      expect(left).toContain('.q.yaml.clearance-tmp-98-live');
      expect(isTempFile('.q.yaml.clearance-tmp-98-live')).toBe(true);
      expect(await cleanTempFiles(ws, 0)).toBe(1);
      await expect(stat(fresh)).rejects.toThrow();
    } finally {
      await rm(ws, { recursive: true, force: true });
    }
  });
});
