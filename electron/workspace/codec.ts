import { Document, isNode, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { FileProblem } from '../../shared/model';
import { MAX_WORKSPACE_FILE, parseYaml } from './yaml-text';

/**
 * The YAML codec of workspace files. Writing: the zod schema's parse gives the field order, rows
 * drop `enabled: true` (only `enabled: false` is written), 2-space indent, no line folding (a long
 * URL stays one line, so an edit is a one-line diff), multi-line strings as block scalars.
 */
export const YAML_OPTIONS = { indent: 2, lineWidth: 0, minContentWidth: 0 } as const;

/** Drops `enabled: true` from table rows (objects inside arrays): true is the default. */
function dropDefaults(value: unknown, inArray: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => dropDefaults(v, true));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (inArray && k === 'enabled' && v === true) continue;
      out[k] = dropDefaults(v, false);
    }
    return out;
  }
  return value;
}

/** Plain data (key order as given) to YAML text. */
export function toYaml(value: unknown): string {
  return new Document(dropDefaults(value, false)).toString(YAML_OPTIONS);
}

/** Validates with the schema (which also puts keys in schema order) and serializes. */
export function encode<S extends z.ZodType>(schema: S, value: z.input<S>): string {
  return toYaml(schema.parse(value));
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: FileProblem };

function nodeAt(doc: Document, path: PropertyKey[]): YamlNode | undefined {
  // A missing key (required field absent) points at the nearest parent that exists.
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return node;
  }
  return undefined;
}

function describePath(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Parses YAML text with the schema; any problem comes back with its line and column (1-based). */
export function decode<S extends z.ZodType>(schema: S, text: string, path: string): Decoded<z.output<S>> {
  const r = parseYaml(text, { maxBytes: MAX_WORKSPACE_FILE });
  if (!r.ok) return { ok: false, problem: { path, ...r.problem } };
  const parsed = schema.safeParse(r.value ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const node = nodeAt(r.doc, issue.path);
  const pos = node?.range ? r.lines.linePos(node.range[0]) : undefined;
  const where = issue.path.length ? `${describePath(issue.path)}: ` : '';
  const extra = issue.code === 'unrecognized_keys' ? ` (${(issue as { keys: string[] }).keys.join(', ')})` : '';
  return {
    ok: false,
    problem: { path, ...(pos ? { line: pos.line, column: pos.col } : {}), message: `${where}${issue.message}${extra}` },
  };
}

/** Reads YAML without a schema (key and gateway profiles belong to another module). */
export function decodeLoose(text: string, path: string): Decoded<unknown> {
  const r = parseYaml(text, { maxBytes: MAX_WORKSPACE_FILE });
  return r.ok ? { ok: true, value: r.value } : { ok: false, problem: { path, ...r.problem } };
}
