// Which scripts a run attaches to which request of a Postman collection: the chains must line up with
// the requests the importer makes, or a script would run for the wrong request.
import { describe, expect, it } from 'vitest';
import { importPostmanDocument } from '../../../electron/importers/postman';
import { postmanScriptChains } from '../../../electron/importers/postman-scripts';
import { loadTarget } from '../../../electron/runner/target';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ev = (listen: string, exec: string[] | string, extra: Record<string, unknown> = {}) => ({ listen, script: { exec }, ...extra });

const doc = {
  info: { name: 'Nested', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  event: [ev('prerequest', ['c-pre']), ev('test', 'c-test')],
  item: [
    { name: 'Plain', request: 'http://x/plain' },
    { name: 'Outer', event: [ev('prerequest', ['o-pre'])], item: [
      { name: 'Inner', event: [ev('test', ['i-test']), ev('test', ['disabled'], { disabled: true })], item: [
        { name: 'Deep', request: { method: 'GET', url: 'http://x/deep' }, event: [ev('prerequest', ['d-pre']), ev('test', ['   '])] },
      ] },
      { name: 'Sibling', request: { method: 'POST', url: 'http://x/sib' } },
      'not an item',
    ] },
    { name: 'Last', request: { method: 'GET', url: 'http://x/last' }, event: [ev('test', ['l-test']), ev('other', ['ignored'])] },
  ],
};

const codes = (chain: ReturnType<typeof postmanScriptChains>[number]) =>
  chain && { prerequest: chain.prerequest.map((s) => `${s.code} @ ${s.from}`), test: chain.test.map((s) => `${s.code} @ ${s.from}`) };

describe('Postman script chains', () => {
  it('one chain per request in the importer\'s order, collection → folders → request, disabled and empty ones left out', () => {
    const chains = postmanScriptChains(doc).map(codes);
    expect(chains).toEqual([
      { prerequest: ["c-pre @ collection 'Nested'"], test: ["c-test @ collection 'Nested'"] },
      { prerequest: ["c-pre @ collection 'Nested'", "o-pre @ folder 'Outer'", "d-pre @ request 'Deep'"],
        test: ["c-test @ collection 'Nested'", "i-test @ folder 'Inner'"] },
      { prerequest: ["c-pre @ collection 'Nested'", "o-pre @ folder 'Outer'"], test: ["c-test @ collection 'Nested'"] },
      { prerequest: ["c-pre @ collection 'Nested'"], test: ["c-test @ collection 'Nested'", "l-test @ request 'Last'"] },
    ]);
    const { collection } = importPostmanDocument('nested.json', doc, { secrets: 'keep', scripts: 'run' });
    const names: string[] = [];
    const walk = (items: typeof collection.items): void => {
      for (const i of items) if (i.type === 'request') names.push(i.request.name); else walk(i.items);
    };
    walk(collection.items);
    expect(names).toEqual(['Plain', 'Deep', 'Sibling', 'Last']);
  });

  it('a run plan carries them on its requests, and the run\'s import does not warn that they are dropped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clearance-chains-'));
    try {
      const file = join(dir, 'nested.postman_collection.json');
      await writeFile(file, JSON.stringify(doc));
      const plan = await loadTarget(file);
      expect(plan.requests.map((r) => [r.name, r.scripts?.prerequest.length ?? 0, r.scripts?.test.length ?? 0]))
        .toEqual([['Plain', 1, 1], ['Deep', 3, 2], ['Sibling', 2, 1], ['Last', 1, 2]]);
      expect(plan.warnings.filter((w) => /script/.test(w))).toEqual([]);
      const imported = importPostmanDocument(file, doc, { secrets: 'drop' });
      expect(imported.warnings).toContain("request 'Deep': pre-request script not imported (scripts are not supported)");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a collection without scripts plans no script at all (the isolate is never loaded)', async () => {
    const plain = { info: doc.info, item: [{ name: 'A', request: 'http://x/a' }, { name: 'F', item: [{ name: 'B', request: 'http://x/b' }] }] };
    expect(postmanScriptChains(plain)).toEqual([undefined, undefined]);
  });
});
