// Fuzzing every importer with mutated real exports (text and structure): an import either ends in
// ImportError (exit 2, the file named) or writes a workspace the loader reads back with no problem
// and whose key and gateway profiles pass their schemas. Anything else is a crash.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { ImportError, importFile } from '../../electron/importers';
import { readCollection, writeCollection } from '../../electron/workspace';
import { GatewayProfileSchema, KeyProfileSchema } from '../../shared/model/profiles';
import { expectUserError, fuzz, mutatedJson, mutatedText, type Outcome, timeLimit } from './support';

const FIX = join(__dirname, '..', 'fixtures', 'imports');
let dir: string;
let n = 0;
const RELOAD_EVERY = Math.max(1, Number(process.env.FUZZ_RELOAD_EVERY ?? 4));
// The inputs are written to files (importers take a path): FUZZ_TMPDIR=/dev/shm keeps that in memory.
beforeAll(async () => { dir = await mkdtemp(join(process.env.FUZZ_TMPDIR ?? tmpdir(), 'clearance-fuzz-import-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

/**
 * Imports `file`, then writes and reads the result back as a workspace: every 4th success (it costs
 * most), every FUZZ_RELOAD_EVERY-th in the long run.
 */
async function importAndReload(format: string, file: string): Promise<Outcome> {
  let out;
  try {
    out = await importFile(format, file, { secrets: 'drop' });
  } catch (err) {
    return expectUserError(err, [ImportError]);
  }
  if (n++ % RELOAD_EVERY !== 0) return 'ok';
  const ws = join(dir, `ws-${n}`);
  await writeCollection(ws, out.collection);
  const back = await readCollection(ws);
  expect(back.problems, JSON.stringify(back.problems).slice(0, 500)).toEqual([]);
  for (const k of back.keys ?? []) expect(KeyProfileSchema.safeParse(k).success, JSON.stringify(k)).toBe(true);
  for (const g of back.gateways ?? []) expect(GatewayProfileSchema.safeParse(g).success, JSON.stringify(g)).toBe(true);
  await rm(ws, { recursive: true, force: true });
  return 'ok';
}

/** Text and structural mutations of one sample file, each imported as `format`. */
async function fuzzFile(surface: string, format: string, sample: string, runs: number): Promise<void> {
  const text = await readFile(join(FIX, sample), 'utf8');
  const json = sample.endsWith('.json') || sample.endsWith('.har');
  const doc: unknown = json ? JSON.parse(text) : parseYaml(text);
  const structural = mutatedJson(doc).map((d) => (json ? JSON.stringify(d) : toYaml(d)));
  const ext = sample.slice(sample.lastIndexOf('.'));
  // One file per surface, overwritten by each input: a new file and its removal cost more than the
  // import itself for the fast formats (Postman: 2.5 ms of I/O against 1.2 ms of parsing).
  const file = join(dir, `in-${surface.replace(/\W+/g, '-')}${ext}`);
  await fuzz(surface, fc.oneof(mutatedText(text), structural), async (input) => {
    await writeFile(file, input);
    return importAndReload(format, file);
  }, runs);
}

/** Mutates one file of a Bruno collection folder and imports the folder. */
async function fuzzBruno(surface: string, sampleDir: string, victims: string[], runs: number): Promise<void> {
  const texts = await Promise.all(victims.map((v) => readFile(join(FIX, sampleDir, v), 'utf8')));
  const arb = fc.nat({ max: victims.length - 1 }).chain((i) => mutatedText(texts[i] ?? '').map((t) => [i, t] as const));
  // One copy of the folder; each input replaces one file and puts the original back afterwards.
  const copy = join(dir, `bruno-${surface.replace(/\W+/g, '-')}`);
  await cp(join(FIX, sampleDir), copy, { recursive: true });
  await fuzz(surface, arb, async ([i, t]) => {
    const victim = join(copy, victims[i] ?? '');
    await writeFile(victim, t);
    try {
      return await importAndReload('bruno', copy);
    } finally {
      await writeFile(victim, texts[i] ?? '');
    }
  }, runs);
}

describe('importers take any mutation of a real export and fail only with ImportError', () => {
  it('Postman v2.1', () => fuzzFile('import postman', 'postman', 'postman/shop-v2.1.postman_collection.json', 150), timeLimit(120_000));
  it('Postman with credentials', () => fuzzFile('import postman (auth)', 'postman', 'credentials/shop.postman_collection.json', 150), timeLimit(120_000));
  it('Insomnia v4', () => fuzzFile('import insomnia v4', 'insomnia', 'insomnia/billing-v4.json', 120), timeLimit(120_000));
  it('Insomnia v5', () => fuzzFile('import insomnia v5', 'insomnia', 'insomnia/billing-v5.yaml', 120), timeLimit(120_000));
  it('OpenAPI 3.1 JSON', () => fuzzFile('import openapi 3.1', 'openapi', 'openapi/payments-3.1.json', 40), timeLimit(120_000));
  it('OpenAPI 3.0 YAML', () => fuzzFile('import openapi 3.0', 'openapi', 'openapi/inventory-3.0.yaml', 40), timeLimit(120_000));
  it('HAR', () => fuzzFile('import har', 'har', 'har/browser.har', 200), timeLimit(120_000));
  it('curl file', async () => {
    const text = await readFile(join(FIX, 'curl/requests.sh'), 'utf8');
    const file = join(dir, 'in-curl.sh');
    await fuzz('import curl', mutatedText(text), async (input) => {
      await writeFile(file, input);
      return importAndReload('curl', file);
    }, 300);
  }, timeLimit(120_000));
  it('auto-detect', () => fuzzFile('import auto', 'auto', 'credentials/billing.insomnia.json', 200), timeLimit(120_000));
  it('Bruno .bru folder', () => fuzzBruno('import bruno .bru', 'bruno/petstore', ['pets/get-pet.bru', 'pets/create-pet.bru', 'collection.bru', 'environments/Local.bru', 'bruno.json', 'admin/login.bru'], 120), timeLimit(120_000));
  it('Bruno YAML folder', () => fuzzBruno('import bruno yml', 'bruno/petstore-yaml', ['pets/create-pet.yml', 'opencollection.yml', 'environments/staging.yml', 'pets/folder.yml'], 100), timeLimit(120_000));
});
