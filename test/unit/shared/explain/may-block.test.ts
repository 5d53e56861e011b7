// mayBeBlocked() lets the runner skip explain() for a non-refusal status: its "false" must be certain
// (explain() never says blocked then), on every fixture (held-out sets included) under success and
// error statuses and on random mixes of them; and it must say false for ordinary JSON and HTML.
import { describe, expect, it } from 'vitest';
import { explain, mayBeBlocked } from '../../../../shared/explain/explain';
import type { ExplainInput } from '../../../../shared/explain/types';
import type { Fixture } from './corpus';
import { forRandomMixes } from './random-mixes';

const FILES = import.meta.glob('../../../fixtures/responses/**/*.json', { eager: true, import: 'default' });
const FIXTURES = Object.entries(FILES)
  .filter(([, data]) => (data as Partial<Fixture>).response !== undefined)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, data]) => ({ path, ...(data as Fixture) }));

const STATUSES = [200, 201, 204, 302, 400, 404, 419, 422, 500, 503];
/** ~30,000 explanations: the corpus grows each round, so the sweep gets its own time, not the default 30 s. */
const SWEEP_TIMEOUT = 120_000;

function certain(input: ExplainInput, label: string): void {
  if (!mayBeBlocked(input)) expect(explain(input).blocked, label).toBe(false);
}

describe('mayBeBlocked', () => {
  it('is never false for a response explain() marks blocked: every fixture under many statuses', () => {
    expect(FIXTURES.length).toBeGreaterThan(600);
    for (const fx of FIXTURES) {
      certain(fx.response, fx.path);
      for (const status of STATUSES) certain({ ...fx.response, status }, `${fx.path} as ${status}`);
    }
  }, SWEEP_TIMEOUT);

  it('says true for every corpus refusal served with a success status (a block page, a JSON envelope)', () => {
    // The corpus only: a held-out set's expectations are scored (frozen-heldout-*.test.ts), never required.
    const corpus = FIXTURES.filter((fx) => !/\/frozen[^/]*\//.test(fx.path));
    const served200 = corpus.filter((fx) => fx.expect.blocked && fx.response.status < 300);
    expect(served200.length).toBeGreaterThan(5);
    for (const fx of served200) expect(mayBeBlocked(fx.response), fx.path).toBe(true);
  });

  it('says false for ordinary successes, and true for refusal statuses', () => {
    const json = { 'content-type': 'application/json' };
    expect(mayBeBlocked({ status: 200, headers: json, body: '{"ok":true,"id":7,"service":"bench","ts":0}' })).toBe(false);
    expect(mayBeBlocked({ status: 201, headers: json, body: '[{"id":1,"name":"item-1","tags":["alpha"]}]' })).toBe(false);
    expect(mayBeBlocked({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html><title>Home</title><p>Welcome</p></html>' })).toBe(false);
    expect(mayBeBlocked({ status: 200, headers: { 'content-type': 'image/png' }, body: 'Access denied' })).toBe(false);
    for (const status of [401, 403, 407, 429, 451]) expect(mayBeBlocked({ status, headers: {}, body: '' })).toBe(true);
  });

  it('random mixes: headers of one fixture, the reshaped body of another, any status', () => {
    forRandomMixes(FIXTURES.map((f) => f.response), STATUSES, certain);
  });
});
