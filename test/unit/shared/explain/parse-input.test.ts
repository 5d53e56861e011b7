import { describe, expect, it } from 'vitest';
import { ExplainInputError, parseExplainInput } from '../../../../shared/explain/index';
import { base64ToBytes, utf8Decode } from '../../../../shared/explain/parse-input';

describe('parseExplainInput', () => {
  it('reads a JSON object and an array of them', () => {
    expect(parseExplainInput('{"status":403,"headers":{"server":"nginx"},"body":"x"}')).toEqual([{ status: 403, headers: { server: 'nginx' }, body: 'x' }]);
    const many = parseExplainInput('[{"status":200,"headers":[["a","b"]]},{"status":"401","headers":{}}]');
    expect(many.map((r) => r.status)).toEqual([200, 401]);
    expect(many[0]?.body).toBe('');
  });

  it('reads every HAR entry and decodes base64 content', () => {
    const har = {
      log: {
        version: '1.2',
        entries: [
          { response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/plain' }], content: { text: 'ok' } } },
          { response: { status: 403, headers: [{ name: 'Server', value: 'nginx' }], content: { text: Buffer.from('Zugriff verweigert: ü', 'utf8').toString('base64'), encoding: 'base64' } } },
        ],
      },
    };
    const out = parseExplainInput(JSON.stringify(har));
    expect(out).toHaveLength(2);
    expect(out[1]).toEqual({ status: 403, headers: [['Server', 'nginx']], body: 'Zugriff verweigert: ü' });
  });

  it('names what is missing in a HAR', () => {
    const har = { log: { entries: [{ response: { status: 200, headers: [] } }, { response: { status: 200, headers: [] } }, { response: { status: 200, headers: [] } }, { response: { headers: [] } }] } };
    expect(() => parseExplainInput(JSON.stringify(har))).toThrow('HAR: log.entries[3].response.status is missing');
  });

  it('reads raw curl -i output, CRLF or LF, with folded headers', () => {
    const raw = 'HTTP/1.1 403 Forbidden\r\nServer: nginx/1.22.1\r\nX-Long: a\r\n  b\r\n\r\n<html>denied</html>\r\n';
    const [r] = parseExplainInput(raw);
    expect(r?.status).toBe(403);
    expect(r?.headers).toEqual([['Server', 'nginx/1.22.1'], ['X-Long', 'a b']]);
    expect(r?.body).toBe('<html>denied</html>\n');
  });

  it('reads several responses in a row as curl -iL prints them, skipping 1xx', () => {
    const raw = 'HTTP/1.1 301 Moved Permanently\nLocation: https://x/\n\nHTTP/1.1 100 Continue\n\nHTTP/2 403\nserver: cloudflare\ncf-ray: 1-AMS\n\nerror code: 1020\n';
    const out = parseExplainInput(raw);
    expect(out.map((r) => r.status)).toEqual([301, 403]);
    expect(out[0]?.body).toBe('');
    expect(out[1]?.body).toBe('error code: 1020\n');
  });

  it('throws ExplainInputError naming the problem', () => {
    expect(() => parseExplainInput('hello')).toThrow("line 1: expected an HTTP status line like 'HTTP/1.1 403 Forbidden'");
    expect(() => parseExplainInput('HTTP/1.1 403 Forbidden\nno colon here\n\n')).toThrow(/line 2: expected a header/);
    expect(() => parseExplainInput('{"headers":{}}')).toThrow('response.status is missing');
    expect(() => parseExplainInput('{"status": 99999}')).toThrow(/status must be an HTTP status code/);
    expect(() => parseExplainInput('{oops')).toThrow(ExplainInputError);
    expect(() => parseExplainInput('   ')).toThrow(/empty/);
  });

  it('decodes base64 and UTF-8 without Node builtins', () => {
    expect(utf8Decode(base64ToBytes('4pyTIMOgIPCfmIA=', 't'))).toBe('✓ à 😀');
    expect(utf8Decode(new Uint8Array([0x61, 0xff, 0x62]))).toBe('a\uFFFDb');
    expect(() => base64ToBytes('ab$c', 'HAR')).toThrow(/invalid base64 character/);
  });
});
