// The CLI raises V8's interrupt budget where V8 has that flag (Node 20's V8 11) and not on
// V8 12 and later (Node 22), which dropped it (an unknown flag makes V8 print an error on every command);
// regular expressions compile once, natively, on every V8.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { INTERRUPT_BUDGET, REGEXP_FLAG, shortProcessFlags } from '../../../electron/cli/short-process';

describe('shortProcessFlags', () => {
  it('sets the budget on V8 11 only, one native compile per regular expression everywhere', () => {
    expect(shortProcessFlags('11.3.244.8-node.31')).toEqual([`--interrupt-budget=${INTERRUPT_BUDGET}`, REGEXP_FLAG]);
    expect(shortProcessFlags('12.4.254.21-node.33')).toEqual([REGEXP_FLAG]);
    expect(shortProcessFlags('13.6.233.10-node.27')).toEqual([REGEXP_FLAG]);
  });

  it("every flag it gives this Node's V8 is one V8 knows", () => {
    const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    // a boolean flag is listed by its positive name (--regexp-tier-up for --no-regexp-tier-up)
    for (const flag of shortProcessFlags()) expect(known).toContain(`  ${(flag.split('=')[0] ?? flag).replace(/^--no-/, '--')} `);
  });
});
