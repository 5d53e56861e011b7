// The index asks many conditions at once (shared/explain/cond-table.ts); each flag must say exactly
// what asking that condition alone says (Subject.holds), for every producer's and every rule's
// condition, on every fixture as captured and with its headers cut.
import { describe, expect, it } from 'vitest';
import { condOf, Subject } from '../../../../shared/explain/anchor-index';
import { CondTable } from '../../../../shared/explain/cond-table';
import { buildContext } from '../../../../shared/explain/context';
import { PRODUCERS } from '../../../../shared/explain/producers/index';
import { GENERIC_RULES } from '../../../../shared/explain/signals/index';
import type { ExplainInput } from '../../../../shared/explain/types';
import type { Fixture } from './corpus';

const FILES = import.meta.glob('../../../fixtures/responses/**/*.json', { eager: true, import: 'default' });
const INPUTS: ExplainInput[] = Object.values(FILES)
  .map((data) => (data as Partial<Fixture>).response)
  .filter((r): r is ExplainInput => r !== undefined)
  .flatMap((r) => [r, { ...r, headers: {} }]);

// every producer's match, and every rule (each producer's, then the generic ones) as one list
const LISTS: object[][] = [
  PRODUCERS.map((p) => p.match),
  [...PRODUCERS.flatMap((p) => p.causes.map((r) => r.when)), ...GENERIC_RULES.map((r) => r.when)],
];

describe('CondTable', () => {
  it('flags exactly the conditions Subject.holds says hold', () => {
    const tables = LISTS.map((list) => ({ conds: list.map(condOf), table: new CondTable(list.map(condOf)) }));
    let held = 0;
    let skipped = 0;
    for (const input of INPUTS) {
      const subject = new Subject(buildContext(input));
      for (const { conds, table } of tables) {
        const flags = table.holding(subject);
        const wrong = conds.findIndex((c, i) => subject.holds(c) !== (flags[i] === 1));
        expect(wrong, `condition ${wrong} of list ${tables.findIndex((t) => t.table === table)}`).toBe(-1);
        for (const f of flags) if (f) held++; else skipped++;
      }
    }
    // the test means something only if both answers occur often
    expect(held).toBeGreaterThan(1000);
    expect(skipped).toBeGreaterThan(10 * held);
  }, 120_000);
});
