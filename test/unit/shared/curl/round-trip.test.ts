import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../../../shared/model/request';
import type { SendOptionsInput } from '../../../../shared/model/send-options';
import { parseCurl, toCurl } from '../../../../shared/curl';

const h = (name: string, value: string) => ({ name, value, enabled: true });
const base: Pick<RequestSpec, 'params' | 'headers'> = { params: [], headers: [] };

const REQUESTS: Array<[string, RequestSpec]> = [
  ['plain GET', { ...base, method: 'GET', url: 'https://api.test/a?b=1&c=%20', headers: [], body: { kind: 'none' } }],
  ['HEAD', { ...base, method: 'HEAD', url: 'http://localhost:3000/', body: { kind: 'none' } }],
  ['DELETE with headers', {
    ...base, method: 'DELETE', url: 'https://api.test/x/1',
    headers: [h('Authorization', 'Bearer a.b.c'), h('X-Quote', `it's "quoted" $HOME \`cmd\` \\n`), h('X-Empty', ''), h('X-Uni', 'café 😀')],
    body: { kind: 'none' },
  }],
  ['POST json', {
    ...base, method: 'POST', url: 'https://api.test/j', headers: [h('Content-Type', 'application/json')],
    body: { kind: 'json', text: `{\n  "msg": "it's\\nfine",\n  "u": "ü"\n}` },
  }],
  ['PATCH json with charset', {
    ...base, method: 'PATCH', url: 'https://api.test/j', headers: [h('content-type', 'application/json; charset=utf-8')],
    body: { kind: 'json', text: '[1,2,3]' },
  }],
  ['POST urlencoded text', {
    ...base, method: 'POST', url: 'https://api.test/f',
    body: { kind: 'text', text: 'a=1&b=two words&c=@x', contentType: 'application/x-www-form-urlencoded' },
  }],
  ['PUT typed text with CRLF', {
    ...base, method: 'PUT', url: 'https://api.test/t', headers: [h('Content-Type', 'text/plain')],
    body: { kind: 'text', text: 'line1\r\nline2\r\n\ttab', contentType: 'text/plain' },
  }],
  ['GET with a body', {
    ...base, method: 'GET', url: 'https://api.test/search', headers: [h('Content-Type', 'application/json')],
    body: { kind: 'json', text: '{"q":1}' },
  }],
  ['multipart', {
    ...base, method: 'POST', url: 'https://api.test/up',
    body: { kind: 'multipart', parts: [
      { name: 'title', value: 'a; type=x', enabled: true },
      { name: 'at', value: '@not-a-file', enabled: true },
      { name: 'typed', value: '{"a":1}', contentType: 'application/json', enabled: true },
      { name: 'file', file: '/tmp/my file;v2.png', contentType: 'image/png', filename: 'pic "1".png', enabled: true },
    ] },
  }],
  ['binary', {
    ...base, method: 'POST', url: 'https://api.test/bin', headers: [h('Content-Type', 'image/png')],
    body: { kind: 'binary', file: '/tmp/a.png', contentType: 'image/png' },
  }],
  ['OPTIONS', { ...base, method: 'OPTIONS', url: 'https://[::1]:8443/x', headers: [h('Origin', 'https://o.test')], body: { kind: 'none' } }],
];

const OPTIONS: SendOptionsInput[] = [
  { redirects: { follow: false } },
  { redirects: { follow: true, max: 7 }, timeouts: { totalMs: 30_500, connectMs: 1000 } },
  {
    redirects: { follow: true },
    tls: { verify: false, ca: '/etc/ca.pem', cert: 'C:\\certs\\c.pem', key: '/k.pem', passphrase: 'p:w' },
    proxy: { url: 'http://proxy:3128', username: 'u', password: 'p:w', noProxy: ['localhost'] },
    connectTo: [{ host: 'api.test', port: 443, toHost: '127.0.0.1', toPort: 8443 }, { host: '', toHost: '::1' }],
  },
  { redirects: { follow: false }, tls: { pfx: '/id.p12', passphrase: 'x' } },
  { redirects: { follow: false }, httpVersion: '1.1' },
  { redirects: { follow: false }, httpVersion: '2' },
];

describe('round trip: parseCurl(toCurl(r)) equals r', () => {
  for (const multiline of [false, true]) {
    it.each(REQUESTS)(`%s (multiline: ${multiline})`, (_name, request) => {
      const parsed = parseCurl(toCurl(request, { redirects: { follow: false } }, { multiline }));
      expect(parsed.request).toStrictEqual(request);
      expect(parsed.warnings).toEqual([]);
    });
  }

  it.each(OPTIONS.map((o, i) => [i, o] as const))('send options #%i', (_i, options) => {
    const parsed = parseCurl(toCurl(REQUESTS[0]![1], options, { multiline: true }));
    expect(parsed.options).toStrictEqual(options);
    expect(parsed.request).toStrictEqual(REQUESTS[0]![1]);
  });

  it('form bodies come back as the equivalent url-encoded text', () => {
    const r: RequestSpec = { ...base, method: 'POST', url: 'https://api.test/', body: { kind: 'form', fields: [h('a', 'x y'), h('b', '&=')] } };
    expect(parseCurl(toCurl(r)).request.body).toEqual({
      kind: 'text', text: 'a=x%20y&b=%26%3D', contentType: 'application/x-www-form-urlencoded',
    });
  });

  it('json bodies without a Content-Type gain the header curl needs', () => {
    const r: RequestSpec = { ...base, method: 'POST', url: 'https://api.test/', body: { kind: 'json', text: '{}' } };
    const back = parseCurl(toCurl(r)).request;
    expect(back.body).toEqual(r.body);
    expect(back.headers).toEqual([h('Content-Type', 'application/json')]);
  });
});
