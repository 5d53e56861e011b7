import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchWorkspace, writeFileAtomic } from '../../../electron/workspace';

let dir: string;
let batches: string[][];
let watcher: { close: () => void };
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-watch-'));
  await mkdir(join(dir, 'orders'));
  await writeFile(join(dir, 'orders', 'list.yaml'), 'a');
  batches = [];
  watcher = watchWorkspace(dir, (p) => batches.push(p), { debounceMs: 40 });
  await new Promise((r) => setTimeout(r, 150));
});
afterEach(async () => {
  watcher.close();
  await rm(dir, { recursive: true, force: true });
});

async function until(pred: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !pred(); i++) await new Promise((r) => setTimeout(r, 50));
}
const all = () => batches.flat();

describe('workspace watcher', () => {
  it('reports external writes, also after an atomic save replaced the file, in debounced batches', async () => {
    await writeFileAtomic(join(dir, 'orders', 'list.yaml'), 'b');
    await until(() => all().includes('orders/list.yaml'));
    expect(batches).toEqual([['orders/list.yaml']]);
    batches = [];
    for (let i = 0; i < 5; i++) await writeFile(join(dir, 'orders', 'list.yaml'), `c${i}`);
    await until(() => all().includes('orders/list.yaml'));
    expect(batches).toEqual([['orders/list.yaml']]);
  });

  it('follows folders created after it started, and ignores temp files and .git', async () => {
    await mkdir(join(dir, 'users'));
    await new Promise((r) => setTimeout(r, 150));
    await writeFile(join(dir, 'users', 'get.yaml'), 'x');
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, 'orders', '.list.yaml.clearance-tmp-1-ab'), 'x');
    await until(() => all().includes('users/get.yaml'));
    expect(all()).toContain('users/get.yaml');
    expect(all().some((p) => p.includes('clearance-tmp') || p.startsWith('.git'))).toBe(false);
  });
});
