// serve's process guard, in a real Node process: a promise rejected with no handler is reported as a
// bug and the process keeps running (Node's default would exit and close every tab's backend).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const script = `
import { keepServingOnUnhandledRejection } from './electron/serve/process-guard.ts';
keepServingOnUnhandledRejection();
Promise.reject(new Error('boom \\u001b[31m red'));
setTimeout(() => process.stdout.write('still alive\\n'), 50);
`;

describe('serve process guard', () => {
  it('reports an unhandled rejection as a bug, escaped, and the process lives on', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('still alive');
    expect(r.stderr).toContain('internal error (a bug in Clearance; the server keeps running): Error: boom \\e[31m red');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('without the guard the same rejection kills the process (what the guard is for)', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', "Promise.reject(new Error('boom')); setTimeout(() => process.stdout.write('still alive'), 50);"], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).not.toBe(0);
    expect(r.stdout).not.toContain('still alive');
  });
});
