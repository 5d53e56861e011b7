// `clearance export (curl|snippet:<target>|postman) REQUEST_FILE_OR_DIR [--out FILE]`.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Collection } from '../../../shared/model/collection';
import { RequestFileSchema, WORKSPACE_FILE, type FileProblem } from '../../../shared/model/workspace';
import type { ExportEntry } from '../../exporters/prepare';
import { exportCurl } from '../../exporters/curl';
import { exportPostman } from '../../exporters/postman';
import { SNIPPET_TARGETS, exportSnippet } from '../../exporters/snippet';
import { readCollection } from '../../workspace';
import { loadRequestContext } from '../../workspace/context';
import { loadGlobals } from '../../pipeline/layers';
import { ifMissing } from '../../workspace/if-missing';
import { EXIT_OK, UsageError } from '../exit-codes';
import { findWorkspaceRoot } from '../workspace-send';
import { escapeControls } from '../output/safe-text';

export interface ExportFlags { out?: string; env?: string; force?: boolean; key?: string; gateway?: string }

/** The collection to export; `entries` when only some of its requests are (a single file, with its folders' defaults). */
async function loadTarget(target: string): Promise<{ collection: Collection; entries?: ExportEntry[]; problems?: FileProblem[] }> {
  const info = await stat(target).catch(ifMissing(undefined));
  if (!info) throw new UsageError(`${target}: no such file or folder`);
  if (info.isDirectory()) {
    if (!(await stat(join(target, WORKSPACE_FILE)).then(() => true, ifMissing(false)))) throw new UsageError(`${target}: not a Clearance workspace (no ${WORKSPACE_FILE})`);
    const collection = await readCollection(target);
    return { collection, problems: collection.problems };
  }
  const root = await findWorkspaceRoot(dirname(target)) ?? undefined;
  if (root) {
    // A file of a workspace is exported with what it inherits: its folders' and the collection's defaults.
    const rel = relative(root, resolve(target)).split(sep).join('/');
    const [base, ctx] = await Promise.all([readCollection(root), loadRequestContext(root, rel)]);
    return { collection: { ...base, items: [{ type: 'request', request: ctx.request }] }, entries: [{ path: [], request: ctx.request, folders: ctx.folders }] };
  }
  const { MAX_WORKSPACE_FILE, parseYaml } = await import('../../workspace/yaml-text');
  const r = parseYaml(await readFile(target, 'utf8'), { maxBytes: MAX_WORKSPACE_FILE });
  if (!r.ok) throw new UsageError(`${target}:${r.problem.line}:${r.problem.column}: not valid YAML/JSON: ${r.problem.message.replace(/^YAML: /, '')}`);
  const doc = r.value;
  const raw = doc && typeof doc === 'object' && 'request' in doc ? (doc as { request: unknown }).request : doc;
  const parsed = RequestFileSchema.safeParse({ name: basename(target).replace(/\.(ya?ml|json)$/, ''), ...(raw as object) });
  if (!parsed.success) throw new UsageError(`${target}: ${parsed.error.issues[0]?.path.join('.') || 'request'}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return { collection: { name: parsed.data.name, items: [{ type: 'request', request: parsed.data }], environments: [] } };
}

export async function runExport(format: string, target: string, flags: ExportFlags): Promise<number> {
  const { collection, entries, problems = [] } = await loadTarget(target);
  let text: string;
  // A broken file is left out of the export, and said so (with its line) instead of stopping the rest.
  const notes = problems.map((p) => `left out ${p.path}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.message}`);
  if (format === 'postman') {
    const { json, warnings } = await exportPostman(collection);
    text = `${JSON.stringify(json, null, 2)}\n`;
    notes.push(...warnings);
  } else if (format === 'curl' || format.startsWith('snippet:')) {
    const name = format.slice('snippet:'.length);
    if (format !== 'curl' && !SNIPPET_TARGETS[name]) throw new UsageError(`unknown snippet target '${name}': use snippet:${Object.keys(SNIPPET_TARGETS).join(', snippet:')}`);
    const opts = { env: flags.env, globals: await loadGlobals(), key: flags.key, gateway: flags.gateway, ...(entries ? { entries } : {}) };
    // An unknown environment or profile is a coded error (unknown-environment, unknown-profile): the CLI exits 2 on it.
    const out = await (format === 'curl' ? exportCurl(collection, opts) : exportSnippet(collection, name, opts));
    text = out.text;
    if (out.unresolved.length > 0) notes.push(`left as {{name}} (secrets or unset variables): ${out.unresolved.join(', ')}`);
    for (const c of out.cannot) notes.push(`cannot express: ${c}`);
  } else {
    throw new UsageError(`unknown export format '${format}': use curl, snippet:<target> or postman`);
  }
  if (flags.out) {
    if (!flags.force && (await stat(flags.out).then(() => true, ifMissing(false)))) throw new UsageError(`--out ${flags.out}: the file exists; pass --force to replace it`);
    await writeFile(flags.out, text);
    process.stderr.write(`Wrote ${flags.out}\n`);
  } else {
    process.stdout.write(text);
  }
  for (const n of notes) process.stderr.write(`note: ${escapeControls(n)}\n`);
  return EXIT_OK;
}
