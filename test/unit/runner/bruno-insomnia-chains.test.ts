// Which Bruno and Insomnia scripts a run attaches to which request: bru's order for each phase (and
// its "sequential" flow), in .bru and OpenCollection YAML folders, an Insomnia v4 export's scripts,
// and what cannot run named at the request.
// A plain import (clearance import) still warns that the scripts are not imported.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBruno } from '../../../electron/importers/bruno';
import { loadTarget } from '../../../electron/runner/target';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-chains-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const block = (name: string, body: string): string => `${name} {\n  ${body}\n}\n`;

async function bruno(flow?: string): Promise<string> {
  const root = await mkdtemp(join(dir, 'bru-'));
  await writeFile(join(root, 'bruno.json'), JSON.stringify({ version: '1', name: 'C', type: 'collection', ...(flow ? { scripts: { flow } } : {}) }));
  await writeFile(join(root, 'collection.bru'), block('script:post-response', "'c-post'") + block('tests', "'c-tests'") + block('vars:post-response', 'a: 1'));
  await mkdir(join(root, 'F'));
  await writeFile(join(root, 'F', 'folder.bru'), block('meta', 'name: F') + block('script:pre-request', "'f-pre'") + block('script:post-response', "'f-post'")
    + block('vars:post-response', 'a: 2'));
  await writeFile(join(root, 'F', 'R.bru'), block('meta', 'name: R\n  seq: 1') + block('get', 'url: http://x/r') + block('script:pre-request', "'r-pre'")
    + block('script:post-response', "'r-post'") + block('assert', 'res.status: eq 200\n  ~res.body: isJson') + block('tests', "'r-tests'"));
  return root;
}

/** Each source as `label: the scripts it joins` (the quoted words), or `unsupported: what`. */
const shape = (sources: Array<{ code: string; label?: string; halts?: boolean; unsupported?: string }> = []) =>
  sources.map((s) => (s.unsupported ? `unsupported: ${s.unsupported}` : `${s.label}${s.halts ? ' (halts)' : ''}: ${(s.code.match(/'[a-z-]+'|\[.*\]/g) ?? []).join(' ')}`));

describe('Bruno chains', () => {
  it('pre-request collection → folder → request; after: vars (a later level wins), post-response and tests request first, the request\'s asserts', async () => {
    const plan = await loadTarget(await bruno());
    const s = plan.requests[0]!.scripts!;
    expect(plan.scriptFlavour).toBe('bruno');
    expect(shape(s.prerequest)).toEqual(["pre-request script of request 'R' (halts): 'f-pre' 'r-pre'"]);
    expect(shape(s.test)).toEqual([
      `post-response variables of request 'R': [["a","2"]]`,
      "post-response script of request 'R': 'r-post' 'f-post' 'c-post'",
      `assertions of request 'R': [["res.status","eq 200"]]`,
      "tests of request 'R': 'r-tests' 'c-tests'",
    ]);
  });

  it('"sequential" flow runs the collection\'s after-response scripts first', async () => {
    const s = (await loadTarget(await bruno('sequential'))).requests[0]!.scripts!;
    expect(shape(s.test).slice(1)).toEqual([
      "post-response script of request 'R': 'c-post' 'f-post' 'r-post'",
      `assertions of request 'R': [["res.status","eq 200"]]`,
      "tests of request 'R': 'c-tests' 'r-tests'",
    ]);
  });

  it('a plain import still warns that scripts and assertions are not imported', async () => {
    const out = await importBruno(await bruno());
    expect(out.warnings).toEqual(expect.arrayContaining(["request 'R': pre-request script not imported (scripts are not supported)",
      "request 'R': assertions not imported (not supported)"]));
  });

  it('a Bruno YAML (OpenCollection) collection: scripts, assertions and set-variable actions read as Bruno\'s YAML reader reads them', async () => {
    const root = await mkdtemp(join(dir, 'yml-'));
    await writeFile(join(root, 'opencollection.yml'), [
      'name: Y', 'extensions:', '  bruno:', '    scripts:', '      flow: sequential',
      'request:', '  scripts:', '    - type: after-response', "      code: \"'c-post'\"",
    ].join('\n'));
    await writeFile(join(root, 'r.yml'), [
      'info:', '  name: R', 'http:', '  method: GET', '  url: http://x/r', 'runtime:', '  scripts:',
      '    - type: before-request', "      code: \"'r-pre'\"", '    - type: after-response', "      code: \"'r-post'\"", '    - type: tests', "      code: \"'r-tests'\"",
      '  assertions:', '    - expression: res.status', '      operator: eq', '      value: "200"', '    - expression: res.body', '      operator: isJson',
      '    - expression: res.body.x', '      operator: eq', '      value: "1"', '      disabled: true',
      '  actions:', '    - type: set-variable', '      phase: after-response', '      selector:', '        expression: res.body.id', '      variable:', '        name: id',
    ].join('\n'));
    const s = (await loadTarget(root)).requests[0]!.scripts!;
    expect(shape(s.prerequest)).toEqual(["pre-request script of request 'R' (halts): 'r-pre'"]);
    expect(shape(s.test)).toEqual([
      `post-response variables of request 'R': [["id","res.body.id"]]`,
      "post-response script of request 'R': 'c-post' 'r-post'",
      `assertions of request 'R': [["res.status","eq 200"],["res.body","isJson"]]`,
      "tests of request 'R': 'r-tests'",
    ]);
  });
});

describe('Insomnia chains', () => {
  it('a v4 export: the request\'s own scripts; a scripted folder above it is named', async () => {
    const file = join(dir, 'v4.json');
    await writeFile(file, JSON.stringify({ _type: 'export', __export_format: 4, resources: [
      { _id: 'wrk_1', _type: 'workspace', name: 'W' },
      { _id: 'fld_1', _type: 'request_group', parentId: 'wrk_1', name: 'Folder', preRequestScript: 'folder();' },
      { _id: 'req_1', _type: 'request', parentId: 'fld_1', name: 'R', method: 'GET', url: 'http://x/r',
        preRequestScript: "insomnia.variables.set('a', 1);", afterResponseScript: "insomnia.test('t', () => {});" },
    ] }));
    const plan = await loadTarget(file);
    const s = plan.requests[0]!.scripts!;
    expect(plan.scriptFlavour).toBe('insomnia');
    expect(s.prerequest.map((x) => [x.label, x.halts, x.code])).toEqual([["pre-request script of request 'R'", true, "insomnia.variables.set('a', 1);"]]);
    expect(s.test.map((x) => x.unsupported ?? x.label)).toEqual(["after-response script of request 'R'", "Insomnia folder scripts (folder 'Folder')"]);
  });
});
