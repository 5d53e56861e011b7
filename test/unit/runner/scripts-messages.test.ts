// chai's and chai-postman's failure messages, as newman printed them for the same assertions on the
// same response (test/fixtures/postman-scripts/chai-messages.json, recorded by hand with newman 6.2.2):
// the sandbox's compact chai must say the same, character for character.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runScript } from '../../../electron/runner/scripts';

interface Fixture {
  response: { status: number; statusText: string; headers: Array<[string, string]>; body: string };
  assertions: Array<{ code: string; newman: string | null }>;
}

const fixture = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/postman-scripts/chai-messages.json'), 'utf8')) as Fixture;

it('fails every assertion newman failed, with newman\'s message, and passes the ones it passed', async () => {
  const code = fixture.assertions.map((a, i) => `pm.test(${JSON.stringify(String(i))}, function () { ${a.code}; });`).join('\n');
  const r = await runScript('test', code, {
    request: { method: 'GET', url: 'http://127.0.0.1/users/a', headers: [] },
    response: { ...fixture.response, timeMs: 5 },
    vars: { environment: {}, collection: {}, globals: {}, local: {}, iterationData: {} },
    info: { iteration: 0, requestName: 'm' },
  }, { timeoutMs: 5000 });
  expect(r.error).toBeUndefined();
  expect(r.tests.map((t, i) => ({ code: fixture.assertions[i]?.code, message: t.passed ? null : t.error ?? '' })))
    .toEqual(fixture.assertions.map((a) => ({ code: a.code, message: a.newman })));
  expect(fixture.assertions.filter((a) => a.newman !== null).length).toBeGreaterThan(55);
});
