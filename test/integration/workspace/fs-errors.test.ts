// File-system errors that used to pass for "missing" or "empty": each now reaches the caller or the
// snapshot's problems. Made with failures that hold for root too (chmod does not stop root).
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initWorkspace, loadWorkspace, WorkspaceSession } from '../../../electron/workspace';
import { ifMissing } from '../../../electron/workspace/if-missing';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-fserr-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ifMissing', () => {
  it('answers the fallback for a missing path (or one through a file) and rethrows anything else', async () => {
    await writeFile(join(dir, 'file'), 'x');
    expect(await readdir(join(dir, 'nope')).catch(ifMissing([]))).toEqual([]);
    expect(await stat(join(dir, 'file', 'below')).catch(ifMissing(null))).toBeNull();
    await expect(readFile(dir).catch(ifMissing(''))).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

describe('loadWorkspace', () => {
  it('lists a dangling link and an environments "folder" that is a file as problems instead of dropping them', async () => {
    await initWorkspace(dir, 'W');
    await mkdir(join(dir, 'orders'));
    await symlink(join(dir, 'gone'), join(dir, 'orders', 'list.yaml'));
    await rm(join(dir, 'environments'), { recursive: true, force: true });
    await writeFile(join(dir, 'environments'), 'not a folder');
    const snap = await loadWorkspace(dir);
    expect(snap.problems).toEqual(expect.arrayContaining([
      { path: 'orders/list.yaml', message: expect.stringMatching(/^symbolic link that cannot be followed \(ENOENT.*\): skipped$/) },
      { path: 'environments', message: expect.stringMatching(/^cannot list this folder: ENOTDIR/) },
    ]));
  });

  it('a workspace without environments/ has no problem for it', async () => {
    await initWorkspace(dir, 'W');
    await rm(join(dir, 'environments'), { recursive: true, force: true });
    expect((await loadWorkspace(dir)).problems).toEqual([]);
  });
});

describe('WorkspaceSession', () => {
  it('says in every change batch that a folder it cannot watch is not being followed', () => {
    const s = new WorkspaceSession(join(dir, 'moved-away'));
    try {
      expect(s.changes(0)).toMatchObject({ seq: 0, warning: expect.stringMatching(/^Changes on disk are not being followed: ENOENT/) });
    } finally {
      s.close();
    }
  });

  it('has no warning while watching works', async () => {
    const s = new WorkspaceSession(dir);
    try {
      await new Promise((r) => setTimeout(r, 50));
      expect(s.changes(0).warning).toBeUndefined();
    } finally {
      s.close();
    }
  });
});
