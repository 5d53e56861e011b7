// Fuzzing explain's input parser and the explainer (any headers and bodies), the engine's URL and
// header checks, and every IPC/serve channel's argument validation.
import { readdirSync, readFileSync } from 'node:fs';
import { validateHeaderName, validateHeaderValue } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SendFailure } from '../../electron/engine/send-failure';
import { validateRequest } from '../../electron/engine/validate';
import { bindContract, contracts } from '../../shared/contract';
import type { ServiceDef } from '../../shared/contract/define';
import { isErrorCode } from '../../shared/errors/codes';
import { ExplainInputError, ExplanationSchema, explain, parseExplainInput, type ExplainInput } from '../../shared/explain';
import { expectUserError, fuzz, mutatedJson, mutatedText, nasty, timeLimit } from './support';

const RESPONSES = join(__dirname, '..', 'fixtures', 'responses');
const samples: Array<{ status: number; headers: Record<string, string>; body?: string }> = readdirSync(RESPONSES, { withFileTypes: true })
  .filter((d) => d.isDirectory()).slice(0, 40)
  .map((d) => readdirSync(join(RESPONSES, d.name)).find((f) => f.endsWith('.json')) && join(RESPONSES, d.name, readdirSync(join(RESPONSES, d.name)).find((f) => f.endsWith('.json')) ?? ''))
  .filter((p): p is string => Boolean(p))
  .map((p) => (JSON.parse(readFileSync(p, 'utf8')) as { response: { status: number; headers: Record<string, string>; body?: string } }).response);

function rawHttp(r: (typeof samples)[number]): string {
  return `HTTP/1.1 ${r.status} X\r\n${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${r.body ?? ''}`;
}

/** Parses, then explains every response parsed; the explanation must pass its schema. */
function parseAndExplain(text: string): 'ok' | 'user-error' {
  let inputs: ExplainInput[];
  try {
    inputs = parseExplainInput(text);
  } catch (err) {
    return expectUserError(err, [ExplainInputError]);
  }
  for (const input of inputs) {
    const out = ExplanationSchema.safeParse(explain(input));
    expect(out.success, JSON.stringify(out.error?.issues.slice(0, 2))).toBe(true);
  }
  return 'ok';
}

describe('explain reads any text and explains any response', () => {
  it('mutated JSON, HAR and raw HTTP responses', async () => {
    const texts = [...samples.map((s) => JSON.stringify(s)), ...samples.map(rawHttp),
      JSON.stringify({ log: { version: '1.2', entries: samples.slice(0, 3).map((s) => ({ response: { status: s.status, headers: Object.entries(s.headers).map(([name, value]) => ({ name, value })), content: { text: s.body ?? '' } } })) } })];
    const text = fc.nat({ max: texts.length - 1 }).chain((i) => mutatedText(texts[i] ?? ''));
    const structural = fc.nat({ max: samples.length - 1 }).chain((i) => mutatedJson(samples[i])).map((d) => JSON.stringify(d) ?? 'null');
    await fuzz('explain parse-input + explain', fc.oneof(text, structural), parseAndExplain, 1500);
  }, timeLimit(120_000));

  it('explain() on any status, headers and body', async () => {
    const bodies = samples.map((s) => s.body ?? '');
    const body = fc.oneof(fc.constantFrom(...bodies), fc.nat({ max: bodies.length - 1 }).chain((i) => mutatedText(bodies[i] ?? '')), nasty, fc.string({ maxLength: 300 }));
    const headerName = fc.oneof(fc.constantFrom('server', 'via', 'www-authenticate', 'content-type', 'x-amz-request-id', 'cf-ray', 'x-cache', 'retry-after', 'set-cookie', 'location'), nasty);
    const headers = fc.oneof(
      fc.array(fc.tuple(headerName, fc.oneof(nasty, fc.string({ maxLength: 60 }))), { maxLength: 12 }),
      fc.dictionary(headerName, fc.oneof(nasty, fc.array(nasty, { maxLength: 3 }))),
    );
    const input = fc.record({ status: fc.integer({ min: 100, max: 999 }), headers, body: fc.option(body, { nil: undefined }) });
    await fuzz('explain()', input, (i) => {
      const out = ExplanationSchema.safeParse(explain(i as ExplainInput));
      expect(out.success, JSON.stringify(out.error?.issues.slice(0, 2))).toBe(true);
      return 'ok';
    }, 1500);
  }, timeLimit(120_000));
});

describe('the engine\'s request checks', () => {
  it('refuse only with a coded SendFailure, and what they let through node:http accepts', async () => {
    const url = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), nasty, fc.constantFrom('http://', 'https://a', 'ftp://x/', 'http://[::1]:99/', 'http://a b/', 'HTTP://A.TEST'));
    const kv = fc.record({ name: fc.oneof(nasty, fc.string({ maxLength: 12 })), value: fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 20 })), enabled: fc.boolean() });
    const req = fc.record({ method: fc.oneof(fc.constantFrom('GET', 'POST', 'get', ''), nasty), url, headers: fc.array(kv, { maxLength: 4 }), params: fc.array(kv, { maxLength: 3 }) });
    await fuzz('engine validate', req, (r) => {
      try {
        validateRequest(r);
      } catch (err) {
        expect(isErrorCode((err as SendFailure).code)).toBe(true);
        return expectUserError(err, [SendFailure]);
      }
      for (const h of r.headers.filter((x) => x.enabled)) {
        validateHeaderName(h.name);
        validateHeaderValue(h.name, h.value);
      }
      return 'ok';
    }, 2000);
  }, timeLimit(120_000));
});

describe('every channel validates its arguments before its service runs', () => {
  it('random arguments to every channel: invalid-arguments, or the service gets schema-parsed data', async () => {
    const calls: string[] = [];
    const handlers = new Map<string, (a: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>();
    const methods = new Map<string, import('zod').ZodType>();
    for (const c of contracts as readonly ServiceDef[]) {
      const impl = Object.fromEntries(Object.keys(c.methods).map((m) => [m, async () => { calls.push(`${c.service}.${m}`); return null; }]));
      for (const [ch, h] of bindContract(c, impl as never)) handlers.set(ch, h);
      for (const m of Object.values(c.methods)) methods.set(m.channel, m.args);
    }
    const channels = [...handlers.keys()];
    expect(channels.length).toBeGreaterThan(40);
    const args = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'path', 'dir', 'name', 'request', 'env', 'id', 'args', 'url'), fc.jsonValue({ maxDepth: 3 })), nasty);
    await fuzz('contract args (every channel)', fc.tuple(fc.constantFrom(...channels), args), async ([ch, a]) => {
      calls.length = 0;
      const r = await handlers.get(ch)?.(a);
      const valid = methods.get(ch)?.safeParse(a ?? {}).success;
      if (!valid) {
        expect(r?.error?.code).toBe('invalid-arguments');
        expect(calls).toEqual([]);
        return 'user-error';
      }
      expect(calls).toEqual([ch]);
      return 'ok';
    }, 2000);
  }, timeLimit(120_000));
});
