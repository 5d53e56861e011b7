import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../../../shared/model/request';
import type { SendOptionsInput } from '../../../../shared/model/send-options';
import { parseCurl, shellQuote, toCurl } from '../../../../shared/curl';

const h = (name: string, value: string) => ({ name, value, enabled: true });
const req = (r: Partial<RequestSpec>): RequestSpec => ({
  method: 'GET', url: 'https://api.test/v1', params: [], headers: [], body: { kind: 'none' }, ...r,
});

describe('shellQuote', () => {
  it('single-quotes and escapes quotes as \'\\\'\'', () => {
    expect(shellQuote('abc')).toBe("'abc'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$HOME `x` "y" \\n')).toBe('\'$HOME `x` "y" \\n\'');
  });
});

describe('toCurl', () => {
  it('writes a GET without -X, and follows redirects by default like the app', () => {
    expect(toCurl(req({}))).toBe("curl 'https://api.test/v1' -L");
    expect(toCurl(req({}), { redirects: { follow: false } })).toBe("curl 'https://api.test/v1'");
  });

  it('writes method, headers and body; omits -X for POST with data', () => {
    const r = req({
      method: 'POST', headers: [h('Content-Type', 'application/json'), { name: 'X-Off', value: '1', enabled: false }, h('X-Empty', '')],
      body: { kind: 'json', text: `{"a":"it's"}` },
    });
    expect(toCurl(r, { redirects: { follow: false } })).toBe(
      `curl 'https://api.test/v1' -H 'Content-Type: application/json' -H 'X-Empty;' --data-raw '{"a":"it'\\''s"}'`,
    );
    expect(toCurl(req({ method: 'DELETE' }), { redirects: { follow: false } })).toBe("curl -X DELETE 'https://api.test/v1'");
    expect(toCurl(req({ method: 'HEAD' }), { redirects: { follow: false } })).toBe("curl -I 'https://api.test/v1'");
    expect(toCurl(req({ method: 'POST' }), { redirects: { follow: false } })).toBe("curl -X POST 'https://api.test/v1'");
  });

  it('writes switched-off defaults as curl header removals, and reads them back', () => {
    const r = req({ method: 'POST', body: { kind: 'json', text: '{}' } });
    const options: SendOptionsInput = { redirects: { follow: false }, omitDefaultHeaders: ['user-agent', 'accept', 'content-type'] };
    const cmd = toCurl(r, options);
    expect(cmd).toBe("curl 'https://api.test/v1' -H 'User-Agent:' -H 'Accept:' -H 'Content-Type:' --data-raw '{}'");
    const back = parseCurl(cmd);
    expect(back.options.omitDefaultHeaders).toEqual(['user-agent', 'accept', 'content-type']);
    expect(back.request.headers).toEqual([]);
  });

  it('adds the Content-Type curl would not send for json and typed text', () => {
    const cmd = toCurl(req({ method: 'PUT', body: { kind: 'json', text: '[]' } }), { redirects: { follow: false } });
    expect(cmd).toBe("curl -X PUT 'https://api.test/v1' -H 'Content-Type: application/json' --data-raw '[]'");
  });

  it('appends enabled params to the query, before the fragment', () => {
    const r = req({ url: 'https://api.test/s?x=1#top', params: [h('q', 'a b&c'), { name: 'off', value: '1', enabled: false }, h('é', '')] });
    expect(parseCurl(toCurl(r)).request.url).toBe('https://api.test/s?x=1&q=a%20b%26c&%C3%A9=#top');
  });

  it('writes form fields url-encoded, multipart as -F, binary as --data-binary', () => {
    const form = toCurl(req({ method: 'POST', body: { kind: 'form', fields: [h('a b', '1&2'), h('c', 'ü')] } }), { redirects: { follow: false } });
    expect(form).toBe("curl 'https://api.test/v1' --data-raw 'a%20b=1%262&c=%C3%BC'");
    const multi = toCurl(req({
      method: 'POST',
      body: { kind: 'multipart', parts: [{ name: 'f', file: '/tmp/a.png', contentType: 'image/png', filename: 'x.png', enabled: true }, { name: 't', value: 'v', enabled: true }] },
    }), { redirects: { follow: false } });
    expect(multi).toBe("curl 'https://api.test/v1' -F 'f=@/tmp/a.png;type=image/png;filename=x.png' -F 't=v'");
    const bin = toCurl(req({ method: 'PUT', body: { kind: 'binary', file: 'a b.bin', contentType: 'application/octet-stream' } }), { redirects: { follow: false } });
    expect(bin).toBe("curl -X PUT 'https://api.test/v1' -H 'Content-Type: application/octet-stream' --data-binary '@a b.bin'");
  });

  it('writes send options', () => {
    const options: SendOptionsInput = {
      tls: { verify: false, ca: '/ca.pem', cert: '/c:1.pem', key: '/k.pem', passphrase: 'pw', servername: 'ignored' },
      proxy: { url: 'http://p:8080', username: 'u', password: 'p', noProxy: ['localhost', '.corp'] },
      redirects: { follow: true, max: 3 },
      timeouts: { totalMs: 1500, connectMs: 200, firstByteMs: 999 },
      connectTo: [{ host: 'a.test', port: 443, toHost: '::1', toPort: 8443 }, { host: '', toHost: 'b' }],
    };
    expect(toCurl(req({}), options, { multiline: true })).toBe([
      "curl 'https://api.test/v1'",
      '-k', "--cacert '/ca.pem'", "--cert '/c\\:1.pem'", "--key '/k.pem'", "--pass 'pw'",
      "-x 'http://p:8080'", "-U 'u:p'", "--noproxy 'localhost,.corp'",
      '-L', "--max-redirs '3'", "-m '1.5'", "--connect-timeout '0.2'",
      "--connect-to 'a.test:443:[::1]:8443'", "--connect-to '::b:'",
    ].join(' \\\n  '));
  });

  it('writes the HTTP version: --http1.1, --http2-prior-knowledge for 2, nothing for auto (curl negotiates h2 itself)', () => {
    expect(toCurl(req({}), { httpVersion: '1.1' })).toBe("curl 'https://api.test/v1' -L --http1.1");
    expect(toCurl(req({}), { httpVersion: '2' })).toBe("curl 'https://api.test/v1' -L --http2-prior-knowledge");
    expect(toCurl(req({}), { httpVersion: 'auto' })).toBe("curl 'https://api.test/v1' -L");
  });

  it('skips PEM text it cannot pass to curl', () => {
    expect(toCurl(req({}), { tls: { ca: '-----BEGIN CERTIFICATE-----\nMII…' } })).toBe("curl 'https://api.test/v1' -L");
  });
});
