import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isNode, isPair, isScalar, Pair, parseDocument, Scalar, type Document, type YAMLMap } from 'yaml';
import {
  DefaultsSchema, FOLDER_FILE, FolderFileSchema, WORKSPACE_FILE, WorkspaceFileSchema, type Defaults, type FolderFile,
} from '../../shared/model';
import { writeFileAtomic } from './atomic-write';
import { encode, toYaml, YAML_OPTIONS } from './codec';
import { brokenFileError, workspaceError } from './errors';
import { ifMissing } from './if-missing';
import { confine } from './paths';
import { readTyped, versionOf } from './read-file';

/** Key order of the files (the schemas' order), used when a key is added to an existing file. */
const FOLDER_KEYS = ['name', 'defaults', 'order'];
const WORKSPACE_KEYS = ['clearance', 'name', 'id', 'defaults', 'order'];
const DEFAULTS_KEYS = ['headers', 'variables', 'key', 'gateway'];

export interface ReadFolderResult {
  /** folder.yaml (null when the folder has none); for the root, clearance.yaml's name, defaults and order */
  folder: FolderFile | null;
  /** content hash of the file as read ('' when there is none): pass it back to saveFolder */
  version: string;
}

interface Target { full: string; rel: string; root: boolean }

async function target(root: string, path: string): Promise<Target> {
  const p = path.replace(/\\/g, '/').replace(/^\.\/?$/, '').replace(/\/+$/, '');
  if (p === '') return { full: join(await confine(root, '.'), WORKSPACE_FILE), rel: WORKSPACE_FILE, root: true };
  const dir = await confine(root, p);
  const st = await stat(dir).catch(ifMissing(null));
  if (!st?.isDirectory()) throw workspaceError('not-found', `folder ${p} does not exist`);
  return { full: join(dir, FOLDER_FILE), rel: `${p}/${FOLDER_FILE}`, root: false };
}

const missing = (r: { ok: boolean; text: string; problem?: { message: string } }) => !r.ok && r.text === '' && !!r.problem?.message.includes('ENOENT');

/** Reads a folder's folder.yaml, or (path '') the collection root's clearance.yaml. A broken file is an error with its line. */
export async function readFolder(root: string, path: string): Promise<ReadFolderResult> {
  const t = await target(root, path);
  if (t.root) {
    const r = await readTyped(WorkspaceFileSchema, t.full, t.rel);
    if (missing(r)) throw workspaceError('not-a-workspace', `${root} has no ${WORKSPACE_FILE}`);
    if (!r.ok) throw brokenFileError(r.problem);
    const { name, defaults, order } = r.value;
    return { folder: { name, ...(defaults ? { defaults } : {}), ...(order ? { order } : {}) }, version: r.version };
  }
  const r = await readTyped(FolderFileSchema, t.full, t.rel);
  if (missing(r)) return { folder: null, version: '' };
  if (!r.ok) throw brokenFileError(r.problem);
  return { folder: r.value, version: r.version };
}

/** Defaults as written: validated, empty lists and names left out (an empty `defaults` is no defaults). */
export function canonicalDefaults(defaults: Defaults): Defaults | undefined {
  const d = DefaultsSchema.parse(defaults);
  const out: Defaults = {
    ...(d.headers?.length ? { headers: d.headers } : {}),
    ...(d.variables && Object.keys(d.variables).length ? { variables: d.variables } : {}),
    ...(d.key ? { key: d.key } : {}),
    ...(d.gateway ? { gateway: d.gateway } : {}),
  };
  return Object.keys(out).length ? out : undefined;
}

const keyOf = (p: unknown): string | undefined => (isPair(p) && isScalar(p.key) ? String(p.key.value) : undefined);

/** Sets `key` in a map, keeping its place when present, else inserting it where the schema order puts it. */
function setOrdered(doc: Document, map: YAMLMap, key: string, value: unknown, order: string[]): void {
  const node = doc.createNode(value);
  const at = map.items.findIndex((p) => keyOf(p) === key);
  if (at >= 0) {
    (map.items[at] as Pair).value = node;
    return;
  }
  const rank = order.indexOf(key);
  const before = map.items.findIndex((p) => order.indexOf(keyOf(p) ?? '') > rank);
  const pair = new Pair(new Scalar(key), node);
  if (before < 0) map.items.push(pair);
  else map.items.splice(before, 0, pair);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Plain data as the codec writes it (rows without `enabled: true`), for node creation and comparison. */
const plain = (v: unknown): unknown => parseDocument(toYaml(v)).toJS();

/**
 * Rewrites only `defaults` of an existing file, field by field: unchanged fields keep their text
 * (and comments), a changed field is written canonically, so a one-field change is a one-line diff.
 */
function editDefaults(text: string, defaults: Defaults | undefined, fileKeys: string[]): string {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (!isMap(doc.contents)) throw workspaceError('broken-file', 'the file is not a YAML mapping');
  const top = doc.contents;
  if (!defaults) {
    top.items = top.items.filter((p) => keyOf(p) !== 'defaults');
  } else {
    const existing = top.items.find((p) => keyOf(p) === 'defaults') as Pair | undefined;
    if (!existing || !isMap(existing.value)) {
      setOrdered(doc, top, 'defaults', plain(defaults), fileKeys);
    } else {
      const map = existing.value;
      const want = plain(defaults) as Record<string, unknown>;
      map.items = map.items.filter((p) => { const k = keyOf(p); return k !== undefined && k in want; });
      for (const k of DEFAULTS_KEYS) {
        if (!(k in want)) continue;
        const cur = map.items.find((p) => keyOf(p) === k) as Pair | undefined;
        const curJs = cur ? plain(isNode(cur.value) ? cur.value.toJSON() : cur.value) : undefined;
        if (!cur || !same(curJs, want[k])) setOrdered(doc, map, k, want[k], DEFAULTS_KEYS);
      }
    }
  }
  return doc.toString(YAML_OPTIONS);
}

/**
 * Saves the defaults of a folder (folder.yaml) or of the collection root (clearance.yaml), keeping
 * every other field. With `baseVersion`, refuses with `conflict` when the file changed since it was
 * read ('' = it did not exist). A file that cannot be read is reported and never overwritten.
 */
export async function saveFolder(root: string, path: string, defaults: Defaults, baseVersion?: string): Promise<{ version: string; text: string; rel: string }> {
  const t = await target(root, path);
  const want = canonicalDefaults(defaults);
  const r = t.root ? await readTyped(WorkspaceFileSchema, t.full, t.rel) : await readTyped(FolderFileSchema, t.full, t.rel);
  const absent = missing(r);
  if (t.root && absent) throw workspaceError('not-a-workspace', `${root} has no ${WORKSPACE_FILE}`);
  if (!r.ok && !absent) throw brokenFileError(r.problem);
  if (baseVersion !== undefined && r.version !== baseVersion) {
    throw workspaceError('conflict', `${t.rel} changed on disk since it was opened`, 'Close the settings, reopen them to see the file as it is now, and make your change again.');
  }
  let text: string;
  if (absent) {
    if (!want) return { version: '', text: '', rel: t.rel };
    text = encode(FolderFileSchema, { defaults: want });
  } else {
    text = editDefaults(r.text, want, t.root ? WORKSPACE_KEYS : FOLDER_KEYS);
    // The edit must still be a valid file of its kind; otherwise nothing is written.
    const check = (t.root ? WorkspaceFileSchema : FolderFileSchema).safeParse(parseDocument(text).toJS() ?? {});
    if (!check.success) throw workspaceError('invalid-defaults', `${t.rel}: ${check.error.issues[0]?.message ?? 'invalid'}`);
    if (text === r.text) return { version: r.version, text, rel: t.rel };
  }
  await writeFileAtomic(t.full, text);
  return { version: versionOf(text), text, rel: t.rel };
}
