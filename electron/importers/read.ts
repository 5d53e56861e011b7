// Reading an input file as text, JSON or YAML, with errors that name the file and say what is wrong.
import { readFile, stat } from 'node:fs/promises';
import { ImportError } from './errors';
import { MAX_JSON_DEPTH, nestsDeeper } from './limits';

const MAX_INPUT = 256 * 1024 * 1024;

export async function readText(file: string): Promise<string> {
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
    throw new ImportError(file, err.code === 'ENOENT' ? 'no such file' : `cannot read it (${err.code ?? err.message})`);
  });
  if (info.isDirectory()) throw new ImportError(file, 'is a directory, expected a file');
  if (info.size > MAX_INPUT) throw new ImportError(file, 'is larger than 256 MB');
  const bytes = await readFile(file);
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') throw new ImportError(file, 'is empty');
  if (looksBinary(bytes)) throw new ImportError(file, 'is binary data, not a text export');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  const text = head.toString('utf8');
  const bad = (text.match(/[\uFFFD\u0001-\u0008\u000E-\u001A]/g) ?? []).length;
  return bad > Math.max(4, text.length / 20);
}

function jsonProblem(text: string, err: Error): string {
  const m = /position (\d+)/.exec(err.message);
  if (m) {
    const pos = Number(m[1]);
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const col = pos - before.lastIndexOf('\n');
    return `not valid JSON at line ${line}, column ${col}: ${err.message.replace(/ in JSON at position \d+.*$/, '')}`;
  }
  return `not valid JSON: ${err.message}`;
}

export function parseJson(file: string, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    if (/Unexpected end of JSON input|Unterminated/i.test((err as Error).message)) {
      throw new ImportError(file, 'not valid JSON: the file ends too early (truncated?)');
    }
    throw new ImportError(file, jsonProblem(text, err as Error));
  }
  // JSON.parse takes any depth; the importers' walks (and swagger-parser's) recurse.
  if (nestsDeeper(value, MAX_JSON_DEPTH)) throw new ImportError(file, `nests deeper than ${MAX_JSON_DEPTH} levels (objects and arrays inside each other)`);
  return value;
}

/** JSON when it looks like JSON, YAML otherwise. */
export async function parseJsonOrYaml(file: string, text: string): Promise<unknown> {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return parseJson(file, text);
  const { parseYaml } = await import('../workspace/yaml-text');
  const r = parseYaml(text, { uniqueKeys: false });
  if (r.ok) {
    // `&a [*a, *a]`: an alias inside its own anchor makes a value that contains itself, which every
    // walk over it (and JSON.stringify: "Converting circular structure") would meet as a TypeError.
    if (containsItself(r.value)) throw new ImportError(file, 'a YAML alias refers to its own anchor (&name … *name inside it): the value would contain itself');
    return r.value;
  }
  const tab = /tab/i.test(r.problem.message) || /^\t/m.test(text);
  const why = tab ? 'tabs are not allowed for indentation in YAML' : r.problem.message.replace(/^YAML: /, '');
  throw new ImportError(file, `not valid YAML at line ${r.problem.line}, column ${r.problem.column}: ${why}`);
}

/** Whether `v` reaches itself; YAML values nest at most MAX_YAML_DEPTH deep, so the recursion is bounded. */
function containsItself(v: unknown, path = new Set<object>()): boolean {
  if (!v || typeof v !== 'object') return false;
  if (path.has(v)) return true;
  path.add(v);
  for (const child of Object.values(v)) if (containsItself(child, path)) return true;
  path.delete(v);
  return false;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
