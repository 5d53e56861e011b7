// Issue 14, defect 8: ESC, BEL and other control characters from the input reached the terminal in
// CLI error and warning lines (a crafted file could recolour the screen, retitle the window or hide
// text). They are shown as escapes now (electron/cli/output/safe-text.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';

const ESC = '\u001b';
const BEL = '\u0007';
const HOSTILE = `${ESC}]0;owned${BEL}${ESC}[2J`;
let dir: string;

beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'clearance-rel-esc-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const noControls = (text: string) => expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);

describe('control characters from the input are escaped in CLI lines', () => {
  it('in a usage error line (send --curl)', async () => {
    const r = await runCli(['send', '--curl', `${HOSTILE} http://127.0.0.1:9/`]);
    expect(r.code).toBe(2);
    noControls(r.stderr);
    expect(r.stderr).toContain('\\e]0;owned\\a\\e[2J');
  });

  it('in a request file\'s YAML error', async () => {
    await writeFile(join(dir, 'r.yaml'), `name: *x${ESC}[31m\n`);
    const r = await runCli(['send', join(dir, 'r.yaml')]);
    expect(r.code).toBe(2);
    noControls(r.stderr);
  });

  it('in import warnings (a Postman request name and a header)', async () => {
    const col = { info: { name: 'P', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: `r${HOSTILE}`, event: [{ listen: 'test', script: { exec: ['pm.test("x")'] } }], request: { method: 'GET', url: 'http://127.0.0.1:9/' } }] };
    await writeFile(join(dir, 'p.json'), JSON.stringify(col));
    const r = await runCli(['import', 'postman', join(dir, 'p.json'), '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\\e]0;owned\\a');
    noControls(r.stdout + r.stderr);
  });
});
