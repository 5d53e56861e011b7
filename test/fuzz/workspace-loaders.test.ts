// Fuzzing the workspace loaders: a request, folder, environment, key, gateway or clearance.yaml file
// mutated in any way never stops the workspace from loading (the file is listed as a problem with
// where it broke), and reading one request, environment or profile ends in a coded ContractError.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCurlText } from '../../electron/importers/curl';
import { findEnvironment, loadRequestContext, loadWorkspace, readCollection, writeCollection } from '../../electron/workspace';
import { findProfile } from '../../electron/workspace/profiles';
import { ContractError } from '../../shared/contract/result';
import { expectUserError, fuzz, mutatedText, type Outcome, timeLimit } from './support';

const COMMANDS = [
  '# Create order',
  `curl -X POST 'https://api.example.test/v1/orders?x=1' -H 'Authorization: Bearer tok123' -H 'Content-Type: application/json' --data '{"a":[1,2]}'`,
  '# Through the proxy',
  `curl -x http://proxy.example.test:3128 --cacert /tmp/ca.pem -u ann:pw 'https://internal.example.test/status'`,
].join('\n');

let dir: string;
let files: Array<{ path: string; text: string }>;
beforeAll(async () => {
  dir = await mkdtemp(join(process.env.FUZZ_TMPDIR ?? tmpdir(), 'clearance-fuzz-ws-'));
  const out = importCurlText('sample.sh', COMMANDS, { secrets: 'drop' });
  out.collection.environments = [{ name: 'staging', variables: { host: 'api.example.test', token: { secret: true } } } as never];
  out.collection.items = [{ type: 'folder', name: 'Orders', defaults: { headers: [{ name: 'X-Team', value: 'a' }] }, items: out.collection.items } as never];
  await writeCollection(dir, out.collection);
  const back = await readCollection(dir);
  expect(back.problems).toEqual([]);
  const snap = await loadWorkspace(dir);
  const paths = ['clearance.yaml', ...snap.environments.map((e) => e.path), ...snap.keys.map((k) => k.path), ...snap.gateways.map((g) => g.path)];
  const walk = (nodes: typeof snap.tree): void => {
    for (const n of nodes) if (n.type === 'folder') { paths.push(`${n.path}/folder.yaml`); walk(n.children); } else paths.push(n.path);
  };
  walk(snap.tree);
  files = await Promise.all(paths.map(async (p) => ({ path: p, text: await readFile(join(dir, p), 'utf8') })));
  expect(files.length).toBeGreaterThanOrEqual(7);
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

/** What a send reads: the request with its folders and environment, then its profiles. */
async function readForSend(requestPath: string): Promise<Outcome> {
  try {
    const ctx = await loadRequestContext(dir, requestPath, 'staging');
    if (ctx.request.key) await findProfile(dir, 'key', ctx.request.key);
    if (ctx.request.gateway) await findProfile(dir, 'gateway', ctx.request.gateway);
    return 'ok';
  } catch (err) {
    return expectUserError(err, [ContractError]);
  }
}

describe('workspace loaders take any mutation of a real file', () => {
  it('loads the rest of the workspace and names the broken file', async () => {
    const snap0 = await loadWorkspace(dir);
    const requests = files.filter((f) => f.path.endsWith('.yaml') && !/^(clearance|environments|keys|gateways)|folder\.yaml$/.test(f.path)).map((f) => f.path);
    const arb = fc.nat({ max: files.length - 1 }).chain((i) => mutatedText(files[i]?.text ?? '').map((t) => [i, t] as const));
    await fuzz('workspace loaders', arb, async ([i, text]) => {
      const f = files[i];
      if (!f) throw new Error('no file');
      await writeFile(join(dir, f.path), text);
      try {
        const snap = await loadWorkspace(dir);
        const back = await readCollection(dir);
        for (const p of [...snap.problems, ...back.problems]) expect(p.path).toBe(f.path);
        // the other files still load
        expect(snap.environments.length + snap.keys.length + snap.gateways.length).toBe(snap0.environments.length + snap0.keys.length + snap0.gateways.length);
        try {
          await findEnvironment(dir, 'staging');
        } catch (err) {
          expectUserError(err, [ContractError]);
        }
        const outcomes = await Promise.all(requests.map(readForSend));
        return snap.problems.length + back.problems.length > 0 || outcomes.includes('user-error') ? 'user-error' : 'ok';
      } finally {
        await writeFile(join(dir, f.path), f.text);
      }
    }, 250);
  }, timeLimit(180_000));
});
