import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { workspaceError } from './errors';

/** A workspace-relative path: forward slashes, no leading slash. */
export function toRel(root: string, full: string): string {
  return relative(root, full).split(sep).join('/');
}

function inside(root: string, full: string): boolean {
  const rel = relative(root, full);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function nearestExisting(p: string): Promise<string> {
  let cur = p;
  for (;;) {
    try {
      await lstat(cur);
      return cur;
    } catch {
      const up = dirname(cur);
      if (up === cur) return cur;
      cur = up;
    }
  }
}

/**
 * Resolves a workspace-relative path to an absolute one, refusing anything that leaves the
 * workspace: absolute paths, `..` segments, NUL bytes, and symlinks that point outside.
 */
export async function confine(root: string, rel: string): Promise<string> {
  if (rel.includes('\0')) throw workspaceError('forbidden-path', `path ${JSON.stringify(rel)} contains a NUL byte`);
  if (isAbsolute(rel) || /^[A-Za-z]:/.test(rel) || rel.startsWith('\\')) {
    throw workspaceError('forbidden-path', `path ${rel} must be relative to the workspace folder`);
  }
  if (rel.split(/[\\/]/).includes('..')) throw workspaceError('forbidden-path', `path ${rel} may not contain '..'`);
  const realRoot = await realpath(root);
  const full = resolve(realRoot, rel);
  if (!inside(realRoot, full)) throw workspaceError('forbidden-path', `path ${rel} is outside the workspace`);
  // Follow symlinks on the part that exists: a link to /etc must not let a write escape.
  const existing = await nearestExisting(full);
  const real = await realpath(existing).catch(() => existing);
  if (!inside(realRoot, real)) throw workspaceError('forbidden-path', `path ${rel} leads outside the workspace through a symbolic link`);
  return join(real, relative(existing, full));
}
