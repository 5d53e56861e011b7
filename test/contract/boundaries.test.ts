import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Proves the lint rules that keep code where it runs actually fire (and stay quiet where allowed).
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['shared/model/x.ts', "import { readFile } from 'node:fs';\nexport const r = readFile;\n"],
    ['shared/model/x.ts', "import fs from 'fs';\nexport const r = fs;\n"],
    ['shared/model/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/model/x.ts', "import { request } from 'undici';\nexport const r = request;\n"],
    ['renderer/src/x.ts', "import { join } from 'node:path';\nexport const j = join;\n"],
    ['renderer/src/x.ts', "import { request } from 'undici';\nexport const r = request;\n"],
    ['electron/cli/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/cli/x.ts', "import type { App } from 'electron';\nexport type A = App;\n"],
    ['electron/services/x.ts', "import { request } from 'undici';\nexport const r = request;\n"],
    ['electron/engine/x.ts', "export const e = () => import('electron');\n"],
  ])('%s: refuses %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { readFile } from 'node:fs';\nexport const a = [app, readFile];\n"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nexport const c = contextBridge;\n"],
    ['electron/engine/x.ts', "import { request } from 'undici';\nimport { connect } from 'node:net';\nexport const r = [request, connect];\n"],
    ['shared/model/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
  ])('%s: allows %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
