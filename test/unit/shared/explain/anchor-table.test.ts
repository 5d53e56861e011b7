// The index conditions a build puts in the bundle (shared/explain/anchor-table.ts) must be exactly
// the ones a process would compile from the registry: a table made here, seeded into a fresh copy
// of the explainer's modules, gives every matcher the condition compiled from its anchor. With
// anchor-index.test.ts (the index changes no answer), a bundle explains exactly as the source does.
import { describe, expect, it, vi } from 'vitest';

type Modules = {
  table: typeof import('../../../../shared/explain/anchor-table');
  index: typeof import('../../../../shared/explain/anchor-index');
  producers: typeof import('../../../../shared/explain/producers/index');
  signals: typeof import('../../../../shared/explain/signals/index');
};

/** A fresh copy of the explainer's modules: nothing compiled or seeded yet. */
async function fresh(): Promise<Modules> {
  vi.resetModules();
  return {
    table: await import('../../../../shared/explain/anchor-table'),
    index: await import('../../../../shared/explain/anchor-index'),
    producers: await import('../../../../shared/explain/producers/index'),
    signals: await import('../../../../shared/explain/signals/index'),
  };
}

function matchers(m: Modules): object[] {
  return [...m.producers.PRODUCERS.flatMap((p) => [p.match, ...p.causes.map((r) => r.when)]), ...m.signals.GENERIC_RULES.map((r) => r.when)];
}

/** Each matcher's condition as comparable data, trigrams included. */
function conds(m: Modules): unknown[] {
  return matchers(m).map((x) => m.index.condOf(x).atoms?.map((a) => ({ ...a, grams: [...a.grams] })) ?? null);
}

describe('the built anchor table', () => {
  it('seeds every matcher with the condition compiled from its anchor', async () => {
    const compiled = await fresh();
    const table = JSON.parse(JSON.stringify(compiled.table.anchorTable())) as ReturnType<typeof compiled.table.anchorTable>;
    const expected = conds(compiled);
    expect(table.conds).toHaveLength(expected.length);
    expect(expected.filter((c) => c !== null).length).toBeGreaterThan(1000);

    const seeded = await fresh();
    expect(seeded.table.seedAnchorTable(table)).toBe(true);
    expect(conds(seeded)).toEqual(expected);
  });

  it('refuses a table made from another registry and seeds nothing', async () => {
    const m = await fresh();
    const table = m.table.anchorTable();
    const other = await fresh();
    expect(other.table.seedAnchorTable({ ...table, registry: table.registry.replace(/:(\d+)/, (_, n: string) => `:${Number(n) + 1}`) })).toBe(false);
    expect(other.table.seedAnchorTable({ ...table, conds: table.conds.slice(1) })).toBe(false);
    // nothing seeded: the first matcher's condition is still compiled from its anchor
    const first = matchers(other)[0]!;
    const wrong = await fresh();
    expect(wrong.table.seedAnchorTable({ ...table, conds: table.conds.map(() => [[1, [599]]]) })).toBe(true);
    expect(wrong.index.condOf(matchers(wrong)[0]!).atoms).toEqual([expect.objectContaining({ k: 1, codes: [599] })]);
    expect(other.index.condOf(first).atoms).not.toEqual([expect.objectContaining({ k: 1, codes: [599] })]);
  });

  it('is not in source: tests and tsx compile conditions (only a build defines the table)', async () => {
    const m = await fresh();
    expect(m.table.builtTableSeeded()).toBe(false);
  });
});
