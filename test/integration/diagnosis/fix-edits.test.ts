// The fix as edits of the user's request (Apply in the app): what each probe family's change looks
// like as data — a credential moved (with `from`, so the row's own text moves and no secret is
// written), a header set, a trailing slash, a header the engine adds, a key profile's rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { startHttp, type TestServer } from '../../support/servers';
import { stripCredential, findCredential } from '../../../electron/diagnosis/credentials';
import { withHeader, withMethod, withoutHeaders, withParam, withPath } from '../../../electron/diagnosis/edit';
import { fixEdits } from '../../../electron/diagnosis/fix-edits';
import type { PreparedRequest } from '../../../electron/pipeline/prepared';

function prepared(over: Partial<PreparedRequest> = {}): PreparedRequest {
  return {
    method: 'GET', url: 'http://127.0.0.1:9/v1/orders', params: [], ignored: [], userContentType: false, body: { kind: 'none' }, options: {},
    headers: [{ name: 'User-Agent', value: 'clearance/0.1', origin: 'default' }, { name: 'Accept', value: '*/*', origin: 'default' }],
    notes: [], secrets: [], used: [], unresolved: [], placeholders: false, ...over,
  };
}

describe('fixEdits', () => {
  it('a key moved from the query to x-api-key: set the header from the param, remove the param', () => {
    const base = prepared({ params: [{ name: 'api_key', value: 'k-123456', enabled: true }, { name: 'page', value: '2', enabled: true }] });
    const fixed = withHeader(stripCredential(base, findCredential(base)!), 'x-api-key', 'k-123456');
    expect(fixEdits(base, fixed)).toEqual([
      { op: 'set', in: 'header', name: 'x-api-key', from: { in: 'query', name: 'api_key', prefix: '' }, owner: 'request' },
      { op: 'remove', in: 'query', name: 'api_key', owner: 'request' },
    ]);
  });

  it('a header key moved to Authorization: Bearer keeps the prefix', () => {
    const base = prepared({ headers: [{ name: 'apikey', value: 'k-123456', origin: 'user' }] });
    const fixed = withHeader(stripCredential(base, findCredential(base)!), 'Authorization', 'Bearer k-123456');
    expect(fixEdits(base, fixed)).toEqual([
      { op: 'set', in: 'header', name: 'Authorization', from: { in: 'header', name: 'apikey', prefix: 'Bearer ' }, owner: 'request' },
      { op: 'remove', in: 'header', name: 'apikey', owner: 'request' },
    ]);
  });

  it("a key profile's credential moved is the profile's edit, not the request's", () => {
    const base = prepared({ params: [{ name: 'api_key', value: 'k-123456', enabled: true }] });
    base.key = { name: 'prod', kind: 'api-key', secrets: { key: 'k-123456' }, boundTo: '127.0.0.1:9', queryParams: ['api_key'],
      profile: { name: 'prod', kind: 'api-key', in: 'query', param: 'api_key', hosts: ['127.0.0.1'] } as never };
    const fixed = withHeader(stripCredential(base, findCredential(base)!), 'x-api-key', 'k-123456');
    const edits = fixEdits(base, fixed);
    expect(edits.map((e) => [e.op, e.in, e.name, e.owner])).toEqual([['set', 'header', 'x-api-key', 'key'], ['remove', 'query', 'api_key', 'key']]);
    expect(JSON.stringify(edits)).not.toContain('k-123456');
  });

  it("a browser User-Agent replaces the engine's: a request header with the value", () => {
    const base = prepared();
    expect(fixEdits(base, withHeader(base, 'User-Agent', 'Mozilla/5.0 X'))).toEqual([{ op: 'set', in: 'header', name: 'User-Agent', value: 'Mozilla/5.0 X', owner: 'request' }]);
    expect(fixEdits(base, withoutHeaders(base, (h) => h.origin === 'default')).map((e) => [e.op, e.name, e.owner]))
      .toEqual([['remove', 'User-Agent', 'engine'], ['remove', 'Accept', 'engine']]);
  });

  it('a trailing slash, a query value and a method', () => {
    const base = prepared();
    expect(fixEdits(base, withPath(base, '/v1/orders/'))).toEqual([{ op: 'set', in: 'path', name: '/v1/orders', value: '/v1/orders/', owner: 'request' }]);
    expect(fixEdits(base, withParam(base, 'format', 'json'))).toEqual([{ op: 'set', in: 'query', name: 'format', value: 'json', owner: 'request' }]);
    expect(fixEdits(base, withMethod(base, 'HEAD'))).toEqual([{ op: 'set', in: 'method', name: 'method', value: 'HEAD', owner: 'request' }]);
  });

  it('another key profile: one edit naming it', () => {
    const base = prepared();
    const fixed = prepared({ key: { name: 'admin', kind: 'bearer', secrets: { token: 't' }, boundTo: 'x', profile: {} as never },
      headers: [...base.headers, { name: 'Authorization', value: 'Bearer t', origin: 'auth' }] });
    expect(fixEdits(base, fixed)).toEqual([{ op: 'set', in: 'key', name: 'key', value: 'admin', owner: 'request' }]);
  });
});

describe('fixEdits with the query written into the URL (a pasted curl)', () => {
  it('the key moved out of the URL is a move from that query parameter', () => {
    const base = prepared({ url: 'http://127.0.0.1:9/v1/orders?api_key=k-123456&page=2' });
    const fixed = withHeader(stripCredential(base, findCredential(base)!), 'x-api-key', 'k-123456');
    expect(fixEdits(base, fixed)).toEqual([
      { op: 'set', in: 'header', name: 'x-api-key', from: { in: 'query', name: 'api_key', prefix: '' }, owner: 'request' },
      { op: 'remove', in: 'query', name: 'api_key', owner: 'request' },
    ]);
  });
});

describe('a diagnosis carries its fix as edits', () => {
  const KEY = 'edits-key-0a9c5e71';
  let server: TestServer;
  beforeAll(async () => {
    server = await startHttp((req, res) => {
      const ok = req.headers['x-api-key'] === KEY;
      res.writeHead(ok ? 200 : 403, { 'content-type': 'application/json', ...(ok ? {} : { 'x-amzn-errortype': 'ForbiddenException' }) })
        .end(ok ? '{}' : '{"message":"Forbidden"}');
    });
  });
  afterAll(async () => { await server.close(); });

  it('the key moved from the URL query: edits Apply can make, and no key in them', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/v1/orders?api_key=${KEY}` } }, {});
    expect(d.fix?.edits).toEqual([
      { op: 'set', in: 'header', name: 'x-api-key', from: { in: 'query', name: 'api_key', prefix: '' }, owner: 'request' },
      { op: 'remove', in: 'query', name: 'api_key', owner: 'request' },
    ]);
    expect(JSON.stringify(d.fix?.edits)).not.toContain(KEY);
  });
});
