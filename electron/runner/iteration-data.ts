// --iteration-data FILE: rows of variables, one row per iteration, as newman reads them. A `.json`
// file is an array of objects; anything else is CSV with a header row (csv-parse, loaded only here).
// Values become strings: a JSON number or boolean as written, null as '', an object as JSON.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { UsageError } from '../cli/exit-codes';

export type DataRow = Record<string, string>;

const MAX_ROWS = 100_000;

function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function fromJson(file: string, text: string): DataRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--iteration-data ${file}: not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(doc)) throw new UsageError(`--iteration-data ${file}: a JSON data file is an array of objects, one per iteration`);
  return doc.map((row: unknown, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new UsageError(`--iteration-data ${file}: row ${i + 1} is not an object`);
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asText(v)]));
  });
}

async function fromCsv(file: string, text: string): Promise<DataRow[]> {
  const { parse } = await import('csv-parse/sync');
  try {
    return parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }) as DataRow[];
  } catch (err) {
    throw new UsageError(`--iteration-data ${file}: not valid CSV (${(err as Error).message.split('\n')[0]})`);
  }
}

/** The rows of a data file; a file that cannot be read or parsed, or holds no rows, is a UsageError (exit 2). */
export async function loadIterationData(file: string): Promise<DataRow[]> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`--iteration-data ${file}: cannot be read (${err.code ?? err.message})`);
  });
  const rows = extname(file).toLowerCase() === '.json' ? fromJson(file, text) : await fromCsv(file, text);
  if (rows.length === 0) throw new UsageError(`--iteration-data ${file}: no rows (a CSV file needs a header row and at least one row)`);
  if (rows.length > MAX_ROWS) throw new UsageError(`--iteration-data ${file}: ${rows.length} rows; at most ${MAX_ROWS}`);
  return rows;
}
