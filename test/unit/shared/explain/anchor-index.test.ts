// The explainer's index (shared/explain/anchor-index.ts) skips producers and rules whose anchors a
// response lacks. It must never change an answer: every fixture (tuning corpus and every held-out
// set), cut as the ablation cuts them, and random mixes of them, are explained with and without
// the index, and the two explanations must be identical.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorOf, type Anchor } from '../../../../shared/explain/anchors';
import { buildContext } from '../../../../shared/explain/context';
import { explainWithIndex } from '../../../../shared/explain/explain';
import { PRODUCERS } from '../../../../shared/explain/producers/index';
import { GENERIC_RULES } from '../../../../shared/explain/signals/index';
import { regexText, type TextReq } from '../../../../shared/explain/regex-literals';
import type { ExplainInput, Explanation } from '../../../../shared/explain/types';
import type { Fixture } from './corpus';

const explain = (input: ExplainInput): Explanation => explainWithIndex(input, true);
const explainUnindexed = (input: ExplainInput): Explanation => explainWithIndex(input, false);

/** Every fixture, held-out folders included (run here, never tuned on). */
const FILES = import.meta.glob('../../../fixtures/responses/**/*.json', { eager: true, import: 'default' });
const RESPONSES = Object.entries(FILES)
  .filter(([, data]) => (data as Partial<Fixture>).response !== undefined)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, data]) => ({ path, response: (data as Fixture).response }));

function pairs(h: ExplainInput['headers']): Array<[string, string]> {
  if (Array.isArray(h)) return h.map(([k, v]) => [k, String(v)]);
  return Object.entries(h ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, String(x)] as [string, string]) : v == null ? [] : [[k, String(v)] as [string, string]]));
}

function same(input: ExplainInput): void {
  expect(explain(input)).toEqual(explainUnindexed(input));
}

// Each sweep explains the ~2,700 fixtures 8-12 times, half of them without the index: ~15 s alone, past
// Vitest's 30 s on two cores shared with other test files; a slow machine must not fail it.
const SWEEP_TIMEOUT = 120_000;

describe('the explainer index changes no answer', () => {
  it('covers the whole corpus, held-out sets included', () => {
    expect(RESPONSES.length).toBeGreaterThan(600);
    expect(RESPONSES.some((r) => r.path.includes('/frozen-2/'))).toBe(true);
  });

  it('every fixture as captured, with only its content type, with no headers, with its body cut', () => {
    for (const { path, response } of RESPONSES) {
      const variants: Array<[string, ExplainInput]> = [
        ['captured', response],
        ['content-type only', { ...response, headers: pairs(response.headers).filter(([k]) => k.toLowerCase() === 'content-type') }],
        ['no headers', { ...response, headers: {} }],
        ['body cut', { ...response, body: '' }],
      ];
      for (const [mode, input] of variants) expect(explain(input), `${path} (${mode})`).toEqual(explainUnindexed(input));
    }
  }, SWEEP_TIMEOUT);

  it('every fixture under other statuses (a 200 block page, a 400 vendor code)', () => {
    for (const { response } of RESPONSES) for (const status of [200, 400, 429]) same({ ...response, status });
  }, SWEEP_TIMEOUT);

  const fixture = fc.constantFrom(...RESPONSES.map((r) => r.response));
  const reshape = fc.constantFrom<(s: string) => string>(
    (s) => s,
    (s) => s.toUpperCase(),
    (s) => s.toLowerCase(),
    (s) => s.replace(/"/g, "'").replace(/\btrue\b/g, 'True').replace(/\bnull\b/g, 'None'),
    (s) => JSON.stringify(s),
    (s) => s.slice(0, Math.ceil(s.length / 2)),
  );

  it('random mixes of fixtures: headers of two, a reshaped body of a third, any status', () => {
    fc.assert(
      fc.property(fixture, fixture, fixture, reshape, fc.constantFrom(200, 201, 302, 400, 401, 403, 404, 407, 419, 429, 451, 500, 503),
        fc.string({ maxLength: 40 }), (a, b, c, shape, status, noise) => {
          const headers = [...pairs(a.headers), ...pairs(b.headers).filter((_, i) => i % 2 === 0)];
          same({ status, headers, body: `${shape(c.body ?? '')}${noise}` });
        }),
      { numRuns: 1500 },
    );
  });

  it('random headers and bodies of arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 })), { maxLength: 6 }), fc.string({ maxLength: 200 }),
        fc.integer({ min: 100, max: 599 }), (headers, body, status) => same({ status, headers, body })),
      { numRuns: 500 },
    );
  });
});

/** Whether `text` (already lower-cased) meets the requirement. */
function meets(req: TextReq, text: string): boolean {
  if (req === true) return true;
  if ('lit' in req) return text.includes(req.lit);
  if ('and' in req) return req.and.every((r) => meets(r, text));
  return req.or.some((r) => meets(r, text));
}

describe('regexText reads the text every match contains', () => {
  const cases: Array<[RegExp, string[]]> = [
    [/access denied/i, ['access denied']],
    [/ab+cd/, ['abcd', 'abbbcd']],
    [/x-amzn-(errortype|requestid)/i, ['x-amzn-errortype', 'X-AMZN-REQUESTID']],
    [/foo(bar)?baz/, ['foobaz', 'foobarbaz']],
    [/a{2,3}bcd/, ['aabcd', 'aaabcd']],
    [/abc{0}de/, ['abde']],
    [/[]]xyz/, []],
    [/q\.r\/s-t/, ['q.r/s-t']],
    [/\bdeny(?!ing)\w+/i, ['denyall']],
    [/(?<tag>err)or\s+code/, ['error  code']],
    [/x{y}z/, ['x{y}z']],
    [/\x41bc/, ['Abc']],
    [/(abc)\1/, ['abcabc']],
  ];

  it.each(cases)('%s', (re, matches) => {
    const req = regexText(re);
    for (const s of matches) {
      expect(re.test(s), `${re} must match ${s}`).toBe(true);
      expect(meets(req, s.toLowerCase()), `${re} on ${s}`).toBe(true);
    }
  });

  it('claims nothing it cannot read: unicode flags, optional parts, alternatives with no text', () => {
    expect(regexText(/access/iu)).toBe(true);
    expect(regexText(/(denied)?/)).toBe(true);
    expect(regexText(/denied|\d+/)).toBe(true);
    expect(regexText(/forbidden/)).toEqual({ lit: 'forbidden' });
  });

  it('holds for every regular expression of the registry on every corpus body it matches', () => {
    const found = new Set<RegExp>();
    const walk = (a: Anchor): void => {
      if (a === true || 'status' in a) return;
      if ('and' in a || 'or' in a) for (const x of 'and' in a ? a.and : a.or) walk(x);
      else if ('body' in a) found.add(a.body);
      else if (a.re) found.add(a.re);
    };
    for (const p of PRODUCERS) {
      walk(anchorOf(p.match));
      for (const r of p.causes) walk(anchorOf(r.when));
    }
    for (const r of GENERIC_RULES) walk(anchorOf(r.when));
    expect(found.size).toBeGreaterThan(500);
    const texts = RESPONSES.flatMap(({ response }) => {
      const ctx = buildContext(response);
      return [ctx.body, ctx.view?.text ?? ''].filter(Boolean).map((t) => t.slice(0, 8192));
    });
    let matched = 0;
    for (const re of found) {
      const req = regexText(re);
      const fresh = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
      for (const text of texts) {
        if (!fresh.test(text)) continue;
        matched += 1;
        expect(meets(req, text.toLowerCase()), `${re} on ${text.slice(0, 80)}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(500);
  }, SWEEP_TIMEOUT);

  it('holds on random strings the regexes match', () => {
    const res = cases.map(([re]) => re).concat([/err(or)*\s?(code|reason)+:/i, /[a-c]+xyz(w|v){2}/, /k{1,2}e?y/]);
    fc.assert(
      fc.property(fc.constantFrom(...res), fc.string({ unit: fc.constantFrom(...'abcdeorxyzkwvAXYZ:{} -.\\/'.split('')), maxLength: 30 }), (re, s) => {
        if (re.test(s)) expect(meets(regexText(re), s.toLowerCase())).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
