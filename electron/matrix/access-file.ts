// access.yaml: the expected access matrix, committed with the workspace. Per request path, per
// "key @ gateway" column, one word (allow, deny, 2xx…5xx, an exact status, error). Read with zod
// (problems as file:line:column); --update edits the YAML document in place, so comments, the
// order of entries and words that still hold stay as a reviewer left them.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { isMap, isScalar, parseDocument, type Document, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { AccessRowSchema, columnId, parseColumnId, type Expectation, type ExpectWord, type Matrix } from '../../shared/contract/matrix';
import { writeFileAtomic } from '../workspace/atomic-write';
import { decode, YAML_OPTIONS } from '../workspace/codec';
import { brokenFileError } from '../workspace/errors';
import { ACCESS_FILE } from '../workspace/layout';
import { meets, observedWord } from './drift';

export const AccessFileSchema = z.object({
  version: z.literal(1).optional(),
  requests: z.record(z.string().min(1), AccessRowSchema.nullable()).default({}),
}).strict();

const HEADER = ` Expected access: which key may call which request through which gateway.
 \`clearance matrix\` compares every cell with this file and exits 1 when one differs.
 Per request file, per "key @ gateway" column ('none' = no key, 'direct' = no gateway):
   allow  a 2xx or 3xx that is no refusal      deny   a refusal (401, 403, 407, 429, 451, a block page)
   4xx    that status class (1xx to 5xx)       404    that exact status       error  no response`;

/** The expectation file of a workspace: `file` (absolute or relative to `dir`), else `<dir>/access.yaml`. */
export function accessFilePath(dir: string, file?: string): string {
  return file ? (isAbsolute(file) ? file : resolve(dir, file)) : join(dir, ACCESS_FILE);
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw brokenFileError({ path: file, message: `cannot be read (${(err as Error).message})` });
  }
}

/** Reads the file; `exists: false` when there is none. Bad content is `broken-file` with its line. */
export async function readExpectation(file: string): Promise<{ exists: boolean; requests: Expectation }> {
  const text = await readText(file);
  if (text === null) return { exists: false, requests: {} };
  const r = decode(AccessFileSchema, text, file);
  if (!r.ok) throw brokenFileError(r.problem);
  const requests: Expectation = {};
  for (const [path, row] of Object.entries(r.value.requests)) {
    const out: Record<string, ExpectWord> = {};
    for (const [col, word] of Object.entries(row ?? {})) {
      const p = parseColumnId(col)!;
      out[columnId(p.key, p.gateway)] = word;
    }
    requests[path] = out;
  }
  return { exists: true, requests };
}

function newDocument(): Document {
  const doc = parseDocument('version: 1\n');
  doc.commentBefore = HEADER;
  return doc;
}

/** The map under `key` of `parent`, made a block map (an empty or null entry becomes one). */
function mapUnder(doc: Document, parent: YAMLMap, key: string): YAMLMap {
  const found = parent.get(key, true);
  if (isMap(found)) return found;
  const created = doc.createNode({}) as YAMLMap;
  parent.set(key, created);
  return created;
}

/** The pair's key as written ("alice@edge" and "alice @ edge" name the same column). */
function writtenKey(row: YAMLMap, id: string): string | undefined {
  for (const pair of row.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const p = parseColumnId(k);
    if (p && columnId(p.key, p.gateway) === id) return k;
  }
  return undefined;
}

/**
 * Writes the observed matrix as the expectation (atomic): a cell whose word still holds keeps it,
 * others get the observed word; entries the matrix did not observe stay. Returns the cells changed.
 */
export async function updateExpectation(file: string, matrix: Matrix): Promise<{ changed: number }> {
  const text = await readText(file);
  if (text !== null) {
    const r = decode(AccessFileSchema, text, file);
    if (!r.ok) throw brokenFileError(r.problem);
  }
  const doc = text === null ? newDocument() : parseDocument(text);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({ version: 1 }) as YAMLMap;
  const root = doc.contents as YAMLMap;
  const requests = mapUnder(doc, root, 'requests');
  let changed = 0;
  matrix.rows.forEach((row, r) => {
    matrix.columns.forEach((col, c) => {
      const cell = matrix.cells[r]![c]!;
      if (cell.statusClass === 'skipped') return;
      const rowMap = mapUnder(doc, requests, row.path);
      const key = writtenKey(rowMap, col.id);
      const current = key === undefined ? undefined : (rowMap.get(key) as ExpectWord | undefined);
      if (current !== undefined && meets(current, cell)) return;
      rowMap.set(key ?? col.id, observedWord(cell));
      changed++;
    });
  });
  await writeFileAtomic(file, doc.toString(YAML_OPTIONS));
  return { changed };
}
