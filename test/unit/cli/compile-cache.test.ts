// The CLI turns on Node's compile cache (electron/cli/compile-cache.ts) where Node has one (22.1+),
// in the app's own folder, and not when the user turned it off. The Node that runs these tests (20)
// has none: the CLI must then do nothing.
import module from 'node:module';
import { describe, expect, it } from 'vitest';
import { keepCompiledCode } from '../../../electron/cli/compile-cache';

describe('keepCompiledCode', () => {
  it("keeps the cache in the app's folder when Node offers one", () => {
    const calls: Array<string | undefined> = [];
    const dir = keepCompiledCode((d) => calls.push(d), { CLEARANCE_HOME: '/home/u/.clearance' });
    expect(dir).toBe('/home/u/.clearance/compile-cache');
    expect(calls).toEqual(['/home/u/.clearance/compile-cache']);
  });

  it('does nothing when the user turned it off, or when this Node has no compile cache', () => {
    const calls: Array<string | undefined> = [];
    expect(keepCompiledCode((d) => calls.push(d), { CLEARANCE_HOME: '/x', NODE_DISABLE_COMPILE_CACHE: '1' })).toBeNull();
    expect(calls).toEqual([]);
    // this Node's own API (none on Node 20, where CI runs): nothing to turn on
    const offered = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
    if (!offered) expect(keepCompiledCode(undefined, { CLEARANCE_HOME: '/x' })).toBeNull();
  });
});
