// Postman `event` scripts (prerequest and test) of a collection, its folders and its requests, for
// `clearance run`: each request gets the chain Postman runs for it, collection → folders → request.
// Only a run carries them (in memory); an import into a workspace drops them with a warning.
import type { ImportContext } from './context';
import { arr, isObject, str } from './read';

export interface ScriptSource {
  code: string;
  /** where it came from, as import warnings name it: `collection 'Shop'`, `folder 'Orders'`, `request 'List'` */
  from: string;
  /** the failed test that stands for it when it throws (default: `pre-request script of …` / `test script of …`) */
  label?: string;
  /** Bruno and Insomnia: a pre-request script that fails keeps the request from being sent */
  halts?: boolean;
  /** a script feature the runner lacks (not run): named in the result and failing the request */
  unsupported?: string;
}

export interface RequestScripts {
  prerequest: ScriptSource[];
  test: ScriptSource[];
}

/** Import contexts of a run: their scripts are carried, so the import does not warn that they are dropped. */
const carried = new WeakSet<ImportContext>();

export function carryScripts(ctx: ImportContext): void {
  carried.add(ctx);
}

function code(event: Record<string, unknown>): string {
  const script = isObject(event.script) ? event.script : {};
  return Array.isArray(script.exec) ? script.exec.map((l) => str(l) ?? '').join('\n') : str(script.exec) ?? '';
}

function events(list: unknown): Array<{ kind: 'prerequest' | 'test'; code: string }> {
  const out: Array<{ kind: 'prerequest' | 'test'; code: string }> = [];
  for (const e of arr(list).filter(isObject)) {
    if (e.disabled === true) continue;
    const listen = str(e.listen);
    const text = code(e);
    if ((listen === 'prerequest' || listen === 'test') && text.trim() !== '') out.push({ kind: listen, code: text });
  }
  return out;
}

/** The import's warning for scripts it does not carry (a run carries them: no warning). */
export function warnScripts(ctx: ImportContext, list: unknown, where: string): void {
  if (carried.has(ctx)) return;
  for (const e of events(list)) ctx.warn(`${where}: ${e.kind === 'test' ? 'test script' : 'pre-request script'} not imported (scripts are not supported)`);
}

function add(into: RequestScripts, list: unknown, from: string): RequestScripts {
  const found = events(list);
  if (found.length === 0) return into;
  const next: RequestScripts = { prerequest: [...into.prerequest], test: [...into.test] };
  for (const e of found) next[e.kind].push({ code: e.code, from });
  return next;
}

/**
 * One entry per request, in the collection's order (the order importPostmanDocument gives its
 * requests): the scripts that run for it, or undefined when none do.
 */
export function postmanScriptChains(doc: unknown): Array<RequestScripts | undefined> {
  if (!isObject(doc)) return [];
  const name = isObject(doc.info) ? str(doc.info.name) ?? 'Postman collection' : 'Postman collection';
  const out: Array<RequestScripts | undefined> = [];
  const walk = (items: unknown, above: RequestScripts): void => {
    for (const item of arr(items).filter(isObject)) {
      if (Array.isArray(item.item)) {
        walk(item.item, add(above, item.event, `folder '${str(item.name) ?? 'Folder'}'`));
        continue;
      }
      const chain = add(above, item.event, `request '${str(item.name) ?? 'Request'}'`);
      out.push(chain.prerequest.length + chain.test.length > 0 ? chain : undefined);
    }
  };
  walk(doc.item, add({ prerequest: [], test: [] }, doc.event, `collection '${name}'`));
  return out;
}

/** A run's import (clearance run): its scripts are carried to the runner rather than warned about. */
export function carriesScripts(ctx: ImportContext): boolean {
  return carried.has(ctx);
}
