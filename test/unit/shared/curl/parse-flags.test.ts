import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../../shared/curl';

const h = (name: string, value: string) => ({ name, value, enabled: true });

describe('parseCurl: option forms', () => {
  it('accepts -XPOST, -sSL, -H"X: y", --header=..., --url', () => {
    const { request, options } = parseCurl('curl -sSL -XPOST -H"X: y" --header=\'Z: w=1\' --url example.com/a');
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://example.com/a');
    expect(request.headers).toEqual([h('X', 'y'), h('Z', 'w=1')]);
    expect(options.redirects).toEqual({ follow: true });
  });

  it('strips curl.exe and reads a combined short flag ending in a value', () => {
    const { request } = parseCurl('curl.exe -sXPUT https://x.test -d@body.json');
    expect(request.method).toBe('PUT');
    expect(request.body).toEqual({ kind: 'binary', file: 'body.json', contentType: 'application/x-www-form-urlencoded' });
  });

  it('treats everything after -- as URLs and stops at a shell pipe', () => {
    const r = parseCurl("curl -s -- https://x.test | jq '.'");
    expect(r.request.url).toBe('https://x.test');
    expect(r.warnings[0]).toContain('ignored everything from `|`');
  });

  it('supports --no-<flag> for booleans', () => {
    expect(parseCurl('curl -L --no-location https://x.test').options.redirects).toEqual({ follow: false });
  });
});

describe('parseCurl: method', () => {
  it.each([
    ['curl https://x.test', 'GET'],
    ['curl -d a=1 https://x.test', 'POST'],
    ['curl -F a=1 https://x.test', 'POST'],
    ['curl -I https://x.test', 'HEAD'],
    ['curl -T f.bin https://x.test', 'PUT'],
    ['curl -X DELETE -d a=1 https://x.test', 'DELETE'],
    ['curl -G -d a=1 https://x.test', 'GET'],
    ['curl -X patch https://x.test', 'patch'],
  ])('%s → %s', (cmd, method) => {
    expect(parseCurl(cmd).request.method).toBe(method);
  });
});

describe('parseCurl: headers', () => {
  it('records `Name:` as a removal warning, `Name;` as an empty header', () => {
    const r = parseCurl("curl https://x.test -H 'Referer:' -H 'X-Empty;' -H 'bogus'");
    expect(r.request.headers).toEqual([h('X-Empty', '')]);
    expect(r.warnings).toEqual([
      "-H 'Referer:' removes curl's own Referer header; nothing to import",
      "-H 'bogus' is not a header (no colon); skipped",
    ]);
  });

  it('imports `User-Agent:`, `Accept:` and `Content-Type:` as defaults switched off', () => {
    const r = parseCurl("curl https://x.test -H 'Accept:' -H 'user-agent:' -H 'Content-Type:' -d a=1");
    expect(r.warnings).toEqual([]);
    expect(r.options.omitDefaultHeaders).toEqual(['user-agent', 'accept', 'content-type']);
    expect(r.request.headers).toEqual([]);
  });

  it('builds -u, -A, -e, --oauth2-bearer headers; a -H of the same name wins', () => {
    const r = parseCurl("curl https://x.test -u 'user:pässword' -A 'agent/1' -e https://ref.test -H 'user-agent: mine'");
    expect(r.request.headers).toEqual([
      h('Authorization', `Basic ${Buffer.from('user:pässword').toString('base64')}`),
      h('Referer', 'https://ref.test'),
      h('user-agent', 'mine'),
    ]);
    expect(parseCurl('curl https://x.test --oauth2-bearer tok123').request.headers).toEqual([
      h('Authorization', 'Bearer tok123'),
    ]);
  });

  it('warns for -u without password and -b with a cookie file', () => {
    const r = parseCurl('curl https://x.test -u bob -b cookies.txt');
    expect(r.request.headers).toEqual([h('Authorization', `Basic ${Buffer.from('bob:').toString('base64')}`)]);
    expect(r.warnings).toEqual([
      '-u bob: no password given (curl would prompt); empty password used',
      '-b cookies.txt: cookie files are not read; skipped',
    ]);
  });

  it('--compressed does not override a user Accept-Encoding', () => {
    const r = parseCurl("curl https://x.test -H 'Accept-Encoding: identity' --compressed");
    expect(r.request.headers).toEqual([h('Accept-Encoding', 'identity')]);
    expect(r.options.decompression).toEqual({ enabled: true });
  });
});

describe('parseCurl: bodies', () => {
  it('joins several -d with & and keeps the bytes exact', () => {
    const r = parseCurl("curl https://x.test -d 'a=1' --data-ascii 'b=2 3' --data-raw '@not-a-file' --data-binary 'c=%41'");
    expect(r.request.body).toEqual({
      kind: 'text', text: 'a=1&b=2 3&@not-a-file&c=%41', contentType: 'application/x-www-form-urlencoded',
    });
  });

  it('url-encodes --data-urlencode forms and warns for files', () => {
    const r = parseCurl("curl https://x.test --data-urlencode 'q=a b&c' --data-urlencode '=x/y' --data-urlencode 'plain!' --data-urlencode 'f@data.txt'");
    expect(r.request.body).toEqual({
      kind: 'text', text: 'q=a%20b%26c&x%2Fy&plain%21', contentType: 'application/x-www-form-urlencoded',
    });
    expect(r.warnings).toEqual(['--data-urlencode f@data.txt: reading a file is not supported; skipped']);
  });

  it('reads -d @file as a binary body and warns about newline stripping', () => {
    const r = parseCurl("curl https://x.test -H 'Content-Type: text/csv' -d @rows.csv");
    expect(r.request.body).toEqual({ kind: 'binary', file: 'rows.csv', contentType: 'text/csv' });
    expect(r.warnings).toEqual(['-d @rows.csv: curl strips newlines from the file; Clearance sends it unchanged']);
    expect(parseCurl('curl https://x.test --data-binary @a.bin').warnings).toEqual([]);
  });

  it('makes JSON-looking data with a JSON Content-Type a json body; keeps other types as text', () => {
    const json = parseCurl(`curl https://x.test -H 'Content-Type: application/json; charset=utf-8' -d '{"a":[1,2]}'`);
    expect(json.request.body).toEqual({ kind: 'json', text: '{"a":[1,2]}' });
    expect(json.request.headers).toEqual([h('Content-Type', 'application/json; charset=utf-8')]);
    const notJson = parseCurl(`curl https://x.test -H 'Content-Type: application/json' -d '{oops'`);
    expect(notJson.request.body).toEqual({ kind: 'text', text: '{oops', contentType: 'application/json' });
    const plain = parseCurl(`curl https://x.test -H 'Content-Type: text/plain' -d '{"a":1}'`);
    expect(plain.request.body).toEqual({ kind: 'text', text: '{"a":1}', contentType: 'text/plain' });
  });

  it('--json sets a json body and Accept unless given', () => {
    const r = parseCurl(`curl https://x.test --json '{"a":1}'`);
    expect(r.request.method).toBe('POST');
    expect(r.request.body).toEqual({ kind: 'json', text: '{"a":1}' });
    expect(r.request.headers).toEqual([h('Accept', 'application/json')]);
    const own = parseCurl(`curl https://x.test -H 'accept: */*' --json '[1]' --json ',2]'`);
    expect(own.request.headers).toEqual([h('accept', '*/*')]);
    expect(own.request.body).toEqual({ kind: 'json', text: '[1],2]' });
  });

  it('-G moves data into query params', () => {
    const r = parseCurl("curl -G https://x.test/s?x=0 -d 'q=a+b' --data-urlencode 'name=Zoë & co' -d flag");
    expect(r.request.url).toBe('https://x.test/s?x=0');
    expect(r.request.params).toEqual([h('q', 'a b'), h('name', 'Zoë & co'), h('flag', '')]);
    expect(r.request.body).toEqual({ kind: 'none' });
  });

  it('reads -F parts: text, files with type and filename, quoted values, --form-string, <file', () => {
    const r = parseCurl(String.raw`curl https://x.test -F 'title=Hello; world' -F 'doc=@"my;file.pdf";type=application/pdf;filename=r.pdf' -F 'meta="@x\"y";type=text/plain' --form-string 'raw=@literal;type=x' -F 'note=<n.txt'`);
    expect(r.request.body).toEqual({
      kind: 'multipart',
      parts: [
        { name: 'title', value: 'Hello; world', enabled: true },
        { name: 'doc', file: 'my;file.pdf', contentType: 'application/pdf', filename: 'r.pdf', enabled: true },
        { name: 'meta', value: '@x"y', contentType: 'text/plain', enabled: true },
        { name: 'raw', value: '@literal;type=x', enabled: true },
        { name: 'note', file: 'n.txt', enabled: true },
      ],
    });
    expect(r.warnings).toEqual(["-F note=<n.txt sends the file's text as a field; imported as a file part"]);
  });

  it('-T uploads a file with PUT', () => {
    expect(parseCurl('curl -T ./photo.jpg https://x.test/up').request).toEqual({
      method: 'PUT', url: 'https://x.test/up', params: [], headers: [], body: { kind: 'binary', file: './photo.jpg' },
    });
  });
});

describe('parseCurl: send options', () => {
  it('maps TLS, proxy, redirects, timeouts and host mapping options', () => {
    const r = parseCurl([
      'curl https://x.test -k --cacert ca.pem --cert client.pem:s3cr\\:et --key client.key',
      '-x proxy.local:3128 -U pu:pp --noproxy localhost,.internal',
      '-L --max-redirs 5 -m 2.5 --connect-timeout 0.25',
      '--connect-to x.test:443:10.0.0.1:8443 --connect-to ::backend: --resolve api.test:443:[::1]',
    ].join(' '));
    expect(r.options).toEqual({
      redirects: { follow: true, max: 5 },
      timeouts: { totalMs: 2500, connectMs: 250 },
      tls: { verify: false, ca: 'ca.pem', cert: 'client.pem', key: 'client.key', passphrase: 's3cr:et' },
      proxy: { url: 'http://proxy.local:3128', username: 'pu', password: 'pp', noProxy: ['localhost', '.internal'] },
      connectTo: [
        { host: 'x.test', port: 443, toHost: '10.0.0.1', toPort: 8443 },
        { host: '', toHost: 'backend' },
        { host: 'api.test', port: 443, toHost: '::1' },
      ],
    });
    expect(r.warnings).toEqual([]);
  });

  it('treats .p12/.pfx certs (or --cert-type P12) as pfx and keeps Windows drive letters', () => {
    expect(parseCurl('curl https://x.test --cert id.p12:pw').options.tls).toEqual({ pfx: 'id.p12', passphrase: 'pw' });
    expect(parseCurl('curl https://x.test --cert C:\\\\certs\\\\id.pem --pass pw').options.tls).toEqual({
      cert: 'C:\\certs\\id.pem', passphrase: 'pw',
    });
    expect(parseCurl('curl https://x.test --cert-type P12 --cert id.bin').options.tls).toEqual({ pfx: 'id.bin' });
  });

  it('accepts ignored flags, warning only for those that change behaviour', () => {
    const r = parseCurl('curl -s -S -v -i --include -o out.txt --output o2 -O -w "%{http_code}" -f --fail --fail-with-body --globoff -g --http1.1 --http2 --tlsv1.2 --no-buffer -N --ssl-no-revoke --progress-bar -# --path-as-is https://x.test');
    expect(r.request.url).toBe('https://x.test');
    expect(r.warnings).toEqual(['--path-as-is is not supported; the URL path may be normalized']);
  });

  it('reads the HTTP version flags; the last one wins, as in curl', () => {
    const version = (flags: string) => parseCurl(`curl ${flags} https://x.test`).options.httpVersion;
    expect(version('')).toBeUndefined();
    expect(version('--http1.1')).toBe('1.1');
    // curl's --http2 offers h2 and falls back to HTTP/1.1: that is 'auto'; prior knowledge insists.
    expect(version('--http2')).toBe('auto');
    expect(version('--http2-prior-knowledge')).toBe('2');
    expect(version('--http2-prior-knowledge --http1.1')).toBe('1.1');
    expect(version('--http1.1 --http2')).toBe('auto');
    expect(version('--http2-prior-knowledge --no-http2-prior-knowledge')).toBeUndefined();
    const old = parseCurl('curl -0 https://x.test');
    expect(old.options.httpVersion).toBe('1.1');
    expect(old.warnings).toEqual(['--http1.0: Clearance speaks HTTP/1.1 at the oldest; HTTP/1.1 is used']);
  });
});
