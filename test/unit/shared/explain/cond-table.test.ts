// The index asks many conditions at once (shared/explain/cond-table.ts); a flag may say "no" only
// where the condition's matcher cannot match, and "yes" only where asking that condition alone
// (Subject.holds) says yes, for every producer's and every rule's condition, on every fixture as
// captured and with its headers cut. (For a short body the table reads the body's own trigrams and
// says "no" to some literals the bit test alone lets through: fewer matchers run, none that could match.)
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
type Matcher = (ctx: ReturnType<typeof buildContext>) => unknown;
/** A matcher's answer: evidence (a list, empty when nothing matched) or null. */
const matched = (hit: unknown): boolean => (Array.isArray(hit) ? hit.length > 0 : Boolean(hit));
const LISTS: Matcher[][] = [
  PRODUCERS.map((p) => p.match),
  [...PRODUCERS.flatMap((p) => p.causes.map((r) => r.when)), ...GENERIC_RULES.map((r) => r.when)],
];

describe('CondTable', () => {
  it('flags no condition Subject.holds rules out, and skips none whose matcher matches', () => {
    const tables = LISTS.map((list) => ({ list, conds: list.map(condOf), table: new CondTable(list.map(condOf)) }));
    let held = 0;
    let skipped = 0;
    let narrowed = 0;
    for (const input of INPUTS) {
      const ctx = buildContext(input);
      const subject = new Subject(ctx);
      for (const { list, conds, table } of tables) {
        const flags = table.holding(subject);
        const wrong = conds.findIndex((c, i) => (flags[i] === 1 && !subject.holds(c))
          || (flags[i] === 0 && subject.holds(c) && (narrowed++, matched(list[i]!(ctx)))));
        expect(wrong, `condition ${wrong} of list ${tables.findIndex((t) => t.table === table)}`).toBe(-1);
        for (const f of flags) if (f) held++; else skipped++;
      }
    }
    console.log(`held ${held}, skipped ${skipped}, of which the bit test alone would have run ${narrowed}`);
    // the test means something only if both answers occur often
    expect(held).toBeGreaterThan(1000);
    expect(skipped).toBeGreaterThan(10 * held);
  }, 120_000);
});
