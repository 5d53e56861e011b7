// The JSON paths of `expect.json`: what parses, what does not (with the reason), what a path reads.
import { describe, expect, it } from 'vitest';
import { parseJsonPath, readJsonPath } from '../../../shared/model/json-path';
import { ExpectSchema } from '../../../shared/model/expect';

const steps = (p: string) => {
  const r = parseJsonPath(p);
  return 'steps' in r ? r.steps : r.error;
};

describe('parseJsonPath', () => {
  it.each([
    ['data.items[0].id', ['data', 'items', 0, 'id']],
    ['$.data.items[10]', ['data', 'items', 10]],
    ['$', []],
    ['$[0].a', [0, 'a']],
    ['[2]', [2]],
    ['a["odd.key"]', ['a', 'odd.key']],
    ["a['with space'].b", ['a', 'with space', 'b']],
    ['a["quote \\" inside"]', ['a', 'quote " inside']],
    ['x-request-id', ['x-request-id']],
  ])('%s', (path, want) => {
    expect(steps(path)).toEqual(want);
  });

  it.each([
    ['', /an empty path/],
    ['a..b', /an empty name at position 3/],
    ['a.', /an empty name at position 3/],
    ['a[x]', /\[x\] at position 2 .* is not an index/],
    ['a[1', /is not an index/],
    ['a["open]', /an unclosed \["…"\]/],
    ['$a', /unexpected "a" at position 2/],
    ['a[-1]', /is not an index/],
  ])('rejects %j', (path, why) => {
    expect(steps(path)).toMatch(why);
  });
});

describe('readJsonPath', () => {
  const doc = { data: { items: [{ id: 42 }, { id: null }], 'odd.key': false }, list: [] };
  it('reads values, including null and false, and says when a step is missing', () => {
    expect(readJsonPath(doc, ['data', 'items', 1, 'id'])).toEqual({ found: true, value: null });
    expect(readJsonPath(doc, ['data', 'odd.key'])).toEqual({ found: true, value: false });
    expect(readJsonPath(doc, [])).toEqual({ found: true, value: doc });
    expect(readJsonPath(doc, ['data', 'items', 2])).toEqual({ found: false });
    expect(readJsonPath(doc, ['data', 'items', 'length'])).toEqual({ found: false });
    expect(readJsonPath(doc, ['data', 'items', 0, 'id', 'x'])).toEqual({ found: false });
    expect(readJsonPath(doc, ['toString'])).toEqual({ found: false });
  });
});

describe('ExpectSchema', () => {
  const issue = (v: unknown) => {
    const r = ExpectSchema.safeParse(v);
    return r.success ? 'ok' : `${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`;
  };
  it('takes the documented forms', () => {
    expect(issue({ status: [200, '3xx'], headers: { a: 'b', c: { matches: '^x' }, d: { exists: false } }, body: { contains: ['x'] },
      json: { 'a[0]': { equals: { exists: 1 } }, b: { exists: true }, c: [1, 2], d: null }, maxTimeMs: 10 })).toBe('ok');
  });
  it.each([
    [{ stauts: 200 }, /takes only status, headers, body, json, maxTimeMs; unknown key/],
    [{ status: '2XX' }, /status/],
    [{ status: 99 }, /status/],
    [{ headers: { a: { matches: '(' } } }, /headers.a.matches: not a regular expression/],
    [{ headers: { a: { equals: 'x' } } }, /headers.a/],
    [{ body: { includes: 'x' } }, /body/],
    [{ json: { 'a..b': 1 } }, /json.a..b: JSON path an empty name/],
    [{ json: { a: { exists: 'yes' } } }, /json.a: \{ exists: true\|false \} takes nothing else/],
    [{ maxTimeMs: 0 }, /maxTimeMs/],
  ])('rejects %j', (v, why) => {
    expect(issue(v)).toMatch(why);
  });
});
