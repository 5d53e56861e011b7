// Bruno's scripts for `clearance run`, put together as `bru run` does (its prepare-request and
// mergeScripts): pre-request scripts collection → folders → request, joined into one script whose
// failure keeps the request from being sent; after the response, post-response variables, the
// post-response scripts, the `assert` block and the tests, the scripts in the collection's flow
// ("sandwich", the default: request → folders → collection; "sequential": collection first).
import { type BruBlock, dict, textBlock } from './bru-lang';
import type { RequestScripts } from './postman-scripts';
import { arr, isObject, str } from './read';

/** One level's (collection, folder or request) script blocks. */
export interface BrunoPhases {
  where: string;
  pre?: string;
  post?: string;
  tests?: string;
  /** `assert` lines: [left side, operator and value] */
  assert?: Array<[string, string]>;
  /** `vars:post-response` lines: [name, expression] */
  postVars?: Array<[string, string]>;
  /** scripts the runner cannot read (Bruno YAML's): named in each result, never skipped silently */
  unsupported?: string;
}

export type BrunoFlow = 'sandwich' | 'sequential';

const text = (s: string | undefined): string | undefined => (s && s.trim() !== '' ? s : undefined);

function pairs(blocks: BruBlock[], name: string): Array<[string, string]> | undefined {
  const list = dict(blocks, name).filter((e) => e.enabled).map((e): [string, string] => [e.key, e.value]);
  return list.length ? list : undefined;
}

/** The script blocks of a .bru file (request, folder.bru or collection.bru). */
export function bruPhases(blocks: BruBlock[], where: string): BrunoPhases {
  const p: BrunoPhases = { where };
  const pre = text(textBlock(blocks, 'script:pre-request'));
  const post = text(textBlock(blocks, 'script:post-response'));
  const tests = text(textBlock(blocks, 'tests'));
  const assert = pairs(blocks, 'assert');
  const postVars = pairs(blocks, 'vars:post-response');
  if (pre) p.pre = pre;
  if (post) p.post = post;
  if (tests) p.tests = tests;
  if (assert) p.assert = assert;
  if (postVars) p.postVars = postVars;
  return p;
}

/** Each level in its own async closure, as Bruno wraps them: `const` stays its own, `return` ends only it. */
function joined(levels: Array<string | undefined>): string | undefined {
  const parts = levels.filter((s): s is string => s !== undefined).map((s) => `await (async () => {\n${s}\n})();`);
  return parts.length ? parts.join('\n\n') : undefined;
}

/**
 * The chain that runs for one request. `above`: the collection's phases, then each folder's from the
 * outermost in. The `assert` block is the request's own: bru runs no folder's or collection's.
 */
export function brunoChain(above: BrunoPhases[], own: BrunoPhases, flow: BrunoFlow): RequestScripts {
  const all = [...above, own];
  const from = own.where;
  const out: RequestScripts = { prerequest: [], test: [] };
  const pre = joined(all.map((p) => p.pre));
  if (pre) out.prerequest.push({ code: pre, from, label: `pre-request script of ${from}`, halts: true });
  const after = flow === 'sequential' ? all : [...all].reverse();
  const add = (code: string | undefined, label: string): void => {
    if (code) out.test.push({ code, from, label: `${label} of ${from}` });
  };
  // Merged as bru merges them: collection, folders, request; a later level's name wins.
  const postVars = [...new Map(all.flatMap((p) => p.postVars ?? []))];
  add(postVars.length ? `__clearanceBrunoVars(${JSON.stringify(postVars)});` : undefined, 'post-response variables');
  add(joined(after.map((p) => p.post)), 'post-response script');
  add(own.assert && `__clearanceBrunoAssert(${JSON.stringify(own.assert)});`, 'assertions');
  add(joined(after.map((p) => p.tests)), 'tests');
  for (const p of all) if (p.unsupported) out.test.push({ code: '', from, unsupported: p.unsupported });
  return out;
}

/**
 * A Bruno YAML (OpenCollection) level's scripts: `holder` is a request's `runtime`, or the `request`
 * of a folder.yml or the collection, as Bruno's own YAML reader takes them: `scripts` typed
 * before-request / after-response / tests, `assertions` ({expression, operator, value}) and
 * `actions` (set-variable after the response: the post-response variables).
 */
export function ymlPhases(holder: Record<string, unknown>, where: string): BrunoPhases {
  const p: BrunoPhases = { where };
  for (const s of arr(holder.scripts).filter(isObject)) {
    const code = text(str(s.code));
    if (!code) continue;
    if (s.type === 'before-request') p.pre = code;
    else if (s.type === 'after-response') p.post = code;
    else if (s.type === 'tests') p.tests = code;
  }
  const assert = arr(holder.assertions).filter(isObject).filter((a) => a.disabled !== true && str(a.expression))
    .map((a): [string, string] => [str(a.expression)!, a.value === undefined || a.value === null ? String(a.operator ?? 'eq') : `${String(a.operator ?? 'eq')} ${String(a.value)}`]);
  if (assert.length) p.assert = assert;
  const postVars = arr(holder.actions).filter(isObject)
    .filter((a) => a.type === 'set-variable' && a.phase === 'after-response' && a.disabled !== true && isObject(a.variable) && isObject(a.selector))
    .map((a): [string, string] => [str((a.variable as Record<string, unknown>).name) ?? '', str((a.selector as Record<string, unknown>).expression) ?? '']);
  if (postVars.length) p.postVars = postVars;
  return p;
}
