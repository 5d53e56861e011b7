// The runner asks light-gate.ts about every success response before it loads the explainer: its
// "surely not blocked" must be certain (mayBeBlocked, the registry's own gate, says false then) on
// every fixture (held-out sets included) under success and error statuses and on random mixes, it
// must carry every blocking rule that has no anchor, and it must answer ordinary successes itself.
import { describe, expect, it } from 'vitest';
import { condOf } from '../../../../shared/explain/anchor-index';
import { mayBeBlocked } from '../../../../shared/explain/explain';
import { lightGateOf, surelyNotBlocked, UNANCHORED_BLOCKING } from '../../../../shared/explain/light-gate';
import { blockGateData } from '../../../../shared/explain/may-block';
import { PRODUCERS } from '../../../../shared/explain/producers/index';
import { GENERIC_RULES } from '../../../../shared/explain/signals/index';
import type { ExplainInput } from '../../../../shared/explain/types';
import type { Fixture } from './corpus';
import { forRandomMixes } from './random-mixes';

const FILES = import.meta.glob('../../../fixtures/responses/**/*.json', { eager: true, import: 'default' });
const FIXTURES = Object.entries(FILES)
  .filter(([, data]) => (data as Partial<Fixture>).response !== undefined)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, data]) => ({ path, ...(data as Fixture) }));

const STATUSES = [200, 201, 202, 204, 302, 400, 404, 422, 500];
const gate = lightGateOf(JSON.parse(JSON.stringify(blockGateData())));

function certain(input: ExplainInput, label: string): boolean {
  const sure = surelyNotBlocked(input, gate);
  if (sure) expect(mayBeBlocked(input), label).toBe(false);
  return sure;
}

describe('the light gate', () => {
  it('carries, as code, every blocking rule of the registry that has no anchor', () => {
    const unanchored = [...PRODUCERS.flatMap((p) => p.causes), ...GENERIC_RULES].filter((r) => r.blocks && condOf(r.when).atoms === null);
    const carried = new Set(UNANCHORED_BLOCKING.map((r) => r.when));
    expect(unanchored.filter((r) => !carried.has(r.when)).map((r) => r.why)).toEqual([]);
    expect(blockGateData().unanchored).toBe(UNANCHORED_BLOCKING.length);
    expect(gate).not.toBeNull();
  });

  it('is never sure for a response mayBeBlocked() lets through: every fixture under many statuses', () => {
    expect(FIXTURES.length).toBeGreaterThan(600);
    let sure = 0;
    for (const fx of FIXTURES) {
      for (const status of STATUSES) if (certain({ ...fx.response, status }, `${fx.path} as ${status}`)) sure += 1;
    }
    // the comparison means something only if the gate often says "surely not"
    expect(sure).toBeGreaterThan(FIXTURES.length);
  }, 120_000);

  it('answers ordinary successes itself, and is never sure of a refusal status or without its data', () => {
    const json = { 'content-type': 'application/json' };
    const ok = { status: 200, headers: json, body: '{"ok":true,"id":7,"service":"bench","ts":0}' };
    expect(surelyNotBlocked(ok, gate)).toBe(true);
    expect(surelyNotBlocked({ status: 201, headers: json, body: '[{"id":1,"name":"item-1","tags":["alpha"]}]' }, gate)).toBe(true);
    expect(surelyNotBlocked({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html><title>Home</title><p>Welcome</p></html>' }, gate)).toBe(true);
    // a JSON error envelope and a GraphQL refusal served with 200 are read by the rules it carries
    expect(surelyNotBlocked({ status: 200, headers: json, body: '{"ok":false,"error":"not_authed"}' }, gate)).toBe(false);
    expect(surelyNotBlocked({ status: 200, headers: json, body: '{"errors":[{"message":"x","extensions":{"code":"FORBIDDEN"}}]}' }, gate)).toBe(false);
    for (const status of [401, 403, 407, 429, 451]) expect(surelyNotBlocked({ status, headers: {}, body: '' }, gate)).toBe(false);
    // tests and tsx carry no built data: never sure
    expect(surelyNotBlocked(ok)).toBe(false);
    // data made from another registry (a rule it does not carry): never sure
    expect(lightGateOf({ ...blockGateData(), unanchored: UNANCHORED_BLOCKING.length + 1 })).toBeNull();
  });

  it('random mixes: headers of one fixture, the reshaped body of another, any status', () => {
    forRandomMixes(FIXTURES.map((f) => f.response), STATUSES, certain);
  });
});
