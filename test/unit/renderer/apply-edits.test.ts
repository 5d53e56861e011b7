// Apply: the fix's edits on a tab's draft. The request's own rows change (a moved key keeps the
// row's own text, {{variables}} included); what a profile or the engine owns is left and said.
import { describe, expect, it } from 'vitest';
import type { FixEdit } from '../../../shared/contract';
import { applyEdits, describeEdit, type DraftRows } from '../../../renderer/src/features/diagnosis/apply-edits';

const row = (name: string, value: string, enabled = true) => ({ name, value, enabled });
const draft = (over: Partial<DraftRows> = {}): DraftRows => ({
  method: 'GET', url: 'http://127.0.0.1:9/v1/orders?api_key={{apiKey}}&page=2',
  params: [row('api_key', '{{apiKey}}'), row('page', '2')], headers: [row('Accept', 'application/json')], ...over,
});

const moveKey: FixEdit[] = [
  { op: 'set', in: 'header', name: 'x-api-key', from: { in: 'query', name: 'api_key', prefix: '' }, owner: 'request' },
  { op: 'remove', in: 'query', name: 'api_key', owner: 'request' },
];

describe('applyEdits', () => {
  it('moves the key from ?api_key= to x-api-key with its own text, and the URL follows the params', () => {
    const out = applyEdits(draft(), moveKey);
    expect(out.rows.headers).toEqual([row('Accept', 'application/json'), row('x-api-key', '{{apiKey}}')]);
    expect(out.rows.params).toEqual([row('page', '2')]);
    expect(out.rows.url).toBe('http://127.0.0.1:9/v1/orders?page=2');
    expect(out.applied).toEqual(['Set header x-api-key to the value of query parameter api_key', 'Remove query parameter api_key']);
    expect(out.manual).toEqual([]);
  });

  it('a Bearer prefix goes before the moved value; an existing header of that name is replaced, its duplicates dropped', () => {
    const d = draft({ headers: [row('authorization', 'Basic x'), row('Authorization', 'old'), row('Authorization', 'off', false), row('apikey', 'k1')] });
    const out = applyEdits(d, [
      { op: 'set', in: 'header', name: 'Authorization', from: { in: 'header', name: 'apikey', prefix: 'Bearer ' }, owner: 'request' },
      { op: 'remove', in: 'header', name: 'apikey', owner: 'request' },
    ]);
    expect(out.rows.headers).toEqual([row('authorization', 'Bearer k1'), row('Authorization', 'off', false)]);
  });

  it("what a profile, a folder or the engine owns is not edited: it is said", () => {
    const out = applyEdits(draft(), [
      { op: 'set', in: 'header', name: 'x-api-key', from: { in: 'query', name: 'api_key', prefix: '' }, owner: 'key' },
      { op: 'remove', in: 'header', name: 'User-Agent', owner: 'engine' },
    ]);
    expect(out.rows).toEqual(draft());
    expect(out.applied).toEqual([]);
    expect(out.manual).toEqual(['In the key profile: set header x-api-key to the value of query parameter api_key', "The engine's default: remove header User-Agent"]);
  });

  it('a source row the draft no longer has is left for the user', () => {
    const out = applyEdits(draft({ params: [], url: 'http://127.0.0.1:9/v1/orders' }), moveKey);
    expect(out.rows.headers).toEqual([row('Accept', 'application/json')]);
    expect(out.manual[0]).toMatch(/no longer has query parameter api_key/);
  });

  it('a header value, a trailing slash (query and variables kept), a method, a key profile', () => {
    const d = draft({ url: '{{base}}/v1/orders?page=2', params: [row('page', '2')] });
    const out = applyEdits(d, [
      { op: 'set', in: 'header', name: 'User-Agent', value: 'Mozilla/5.0', owner: 'request' },
      { op: 'set', in: 'path', name: '/v1/orders', value: '/v1/orders/', owner: 'request' },
      { op: 'set', in: 'method', name: 'method', value: 'HEAD', owner: 'request' },
      { op: 'set', in: 'key', name: 'key', value: 'admin', owner: 'request' },
    ]);
    expect(out.rows.url).toBe('{{base}}/v1/orders/?page=2');
    expect(out.rows.method).toBe('HEAD');
    expect(out.rows.headers.at(-1)).toEqual(row('User-Agent', 'Mozilla/5.0'));
    expect(out.profiles).toEqual({ key: 'admin' });
    expect(applyEdits(draft({ url: 'http://h/x' }), [{ op: 'set', in: 'path', name: '/y', value: '/y/', owner: 'request' }]).manual).toHaveLength(1);
  });

  it('describes each edit in a line', () => {
    expect(describeEdit({ op: 'remove', in: 'proxy', name: 'proxy', owner: 'request' })).toBe('Without the forward proxy');
    expect(describeEdit({ op: 'set', in: 'gateway', name: 'gateway', value: 'direct', owner: 'request' })).toBe('Direct, without a gateway profile');
    expect(describeEdit({ op: 'set', in: 'query', name: 'format', value: 'json', owner: 'request' })).toBe('Set query parameter format to json');
  });
});
