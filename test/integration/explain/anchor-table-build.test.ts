// A build puts the explainer's index conditions in each bundle that explains (the CLI's chunk and the
// app's explainer worker; electron.vite.config.ts, shared/explain/anchor-table.ts), so a fresh
// process uses the index from its first explanation. The table in the built files must be the one
// the registry gives now (a stale or missing table would silently cost every run its warm-up).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorTable } from '../../../shared/explain/anchor-table';
import { blockGateData } from '../../../shared/explain/may-block';

// the table's string literal, as the bundler wrote it: quoted (main) or a template literal (minified worker)
const TABLE = /JSON\.parse\(("\{\\"registry\\":(?:[^"\\]|\\.)*"|`\{"registry":(?:[^`\\]|\\.)*`)\)/;
// the success-response gate's data (light-gate.ts), quoted the same way
const GATE = /JSON\.parse\(("\{\\"unanchored\\":(?:[^"\\]|\\.)*")\)/;

/** The string a JavaScript string literal of our own build stands for. */
function literalValue(source: string): string {
  return new Function(`return ${source};`)() as string;
}

/** The tables found in the built files of `dir` whose name matches `name`. */
function builtTables(dir: string, name: RegExp, table = TABLE): unknown[] {
  return readdirSync(dir).filter((f) => name.test(f)).flatMap((f) => {
    const m = table.exec(readFileSync(join(dir, f), 'utf8'));
    return m ? [JSON.parse(literalValue(m[1]!)) as unknown] : [];
  });
}

describe('the built bundles carry the index table of this registry', () => {
  const expected = anchorTable();

  it('the CLI and main process: one chunk, equal to the table made from source', () => {
    const tables = builtTables('out/main/chunks', /\.js$/);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toEqual(expected);
  });

  it('the CLI and main process: the light gate, with the gate data made from source', () => {
    const gates = builtTables('out/main/chunks', /^light-gate-.*\.js$/, GATE);
    expect(gates).toHaveLength(1);
    expect(gates[0]).toEqual(JSON.parse(JSON.stringify(blockGateData())));
  });

  it("the app's explainer worker", () => {
    const tables = builtTables('out/renderer/assets', /^explain\.worker-.*\.js$/);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toEqual(expected);
  });
});
