// The anchor index's conditions as data, made when the app and the CLI are built
// (electron.vite.config.ts puts them in the bundle as __CLEARANCE_ANCHOR_TABLE__): a process then
// reads a table instead of every producer's regular expressions (~40 ms cold), so the index is on
// from its first explanation. Made by the same build from the same registry, so never stale; a
// table from another registry is refused, and without one (tests, tsx) conditions are compiled.
import { condData, condOf, seedCond, type AtomData } from './anchor-index';
import { PRODUCERS } from './producers/index';
import { GENERIC_RULES } from './signals/index';

export interface AnchorTable {
  /** the registry it was made from: each producer's id and rule count, then the generic rules' */
  registry: string;
  /** one per matcher, in the order of registryMatchers() */
  conds: Array<AtomData[] | null>;
}

/** Every matcher the index asks about, in registry order: each producer's match and rules, the generic rules. */
function registryMatchers(): object[] {
  const out: object[] = [];
  for (const p of PRODUCERS) {
    out.push(p.match);
    for (const r of p.causes) out.push(r.when);
  }
  for (const r of GENERIC_RULES) out.push(r.when);
  return out;
}

function registryKey(): string {
  return [...PRODUCERS.map((p) => `${p.id}:${p.causes.length}`), `generic:${GENERIC_RULES.length}`].join(',');
}

export function anchorTable(): AnchorTable {
  return { registry: registryKey(), conds: registryMatchers().map((m) => condData(condOf(m))) };
}

/** Seeds the index from a table; false, seeding nothing, when it was made from another registry. */
export function seedAnchorTable(table: AnchorTable): boolean {
  const matchers = registryMatchers();
  if (table.registry !== registryKey() || table.conds.length !== matchers.length) return false;
  matchers.forEach((m, i) => seedCond(m, table.conds[i]!));
  return true;
}

declare const __CLEARANCE_ANCHOR_TABLE__: string | undefined;

let seeded: boolean | undefined;

/** Whether this bundle carries its table and the index was seeded from it (once, on first call). */
export function builtTableSeeded(): boolean {
  seeded ??= typeof __CLEARANCE_ANCHOR_TABLE__ === 'string'
    && seedAnchorTable(JSON.parse(__CLEARANCE_ANCHOR_TABLE__) as AnchorTable);
  return seeded;
}
