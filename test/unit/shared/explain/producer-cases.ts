// The precision tests' common table: a body sent with no headers must name exactly this producer
// (null: nobody). Each precision file keeps its own cases and any assertions beyond the producer.
import { expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

/** [why, status, body, the producer it must name (null: none)] */
export type ProducerCase = [string, number, string, string | null];

/** One test per case, named by its `why`; call inside a describe block. */
export function itNamesProducers(cases: ProducerCase[]): void {
  it.each(cases)('%s', (_why, status, body, producer) => {
    expect(explain({ status, headers: {}, body }).producer?.id ?? null).toBe(producer);
  });
}
