// Random responses made of real ones, for the gates' certainty tests: the headers of one fixture,
// the body of another (as is or upper-cased, with a little noise after it), any of the given statuses.
import fc from 'fast-check';
import type { ExplainInput } from '../../../../shared/explain/types';

export function forRandomMixes(responses: readonly ExplainInput[], statuses: readonly number[], check: (input: ExplainInput, label: string) => unknown): void {
  const fixture = fc.constantFrom(...responses);
  fc.assert(
    fc.property(fixture, fixture, fc.constantFrom(...statuses), fc.boolean(), fc.string({ maxLength: 30 }), (a, b, status, upper, noise) => {
      const body = `${upper ? (b.body ?? '').toUpperCase() : b.body ?? ''}${noise}`;
      check({ status, headers: a.headers, body }, `${status} ${body.slice(0, 60)}`);
    }),
    { numRuns: 1500 },
  );
}
