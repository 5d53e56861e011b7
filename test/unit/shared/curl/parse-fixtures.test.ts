import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../../shared/curl';

const CHROME = String.raw`curl 'https://api.example.com/v1/items?page=2&sort=name' \
  -H 'accept: application/json, text/plain, */*' \
  -H 'accept-language: en-US,en;q=0.9' \
  -H 'content-type: application/json' \
  -H $'cookie: session=abc123; note=it\'s; theme=dark' \
  -H 'origin: https://app.example.com' \
  -H 'sec-ch-ua: "Chromium";v="131", "Not_A Brand";v="24"' \
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36' \
  --data-raw $'{"a":"it\'s","n":1,"s":"caf\u00e9"}' \
  --compressed`;

const FIREFOX = `curl 'https://example.com/api/search' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' -H 'Accept: */*' -H 'Accept-Language: en-US,en;q=0.5' -H 'Accept-Encoding: gzip, deflate, br, zstd' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'Origin: https://example.com' -H 'Connection: keep-alive' -H 'Cookie: a=1; b=2' --data-raw 'q=hello+world&lang=en'`;

describe('parseCurl: browser copy-as-cURL fixtures', () => {
  it('reads Chrome bash output with $-quoted cookies, JSON body and --compressed', () => {
    const { request, options, warnings } = parseCurl(CHROME);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api.example.com/v1/items?page=2&sort=name');
    expect(request.params).toEqual([]);
    expect(request.headers).toEqual([
      { name: 'accept', value: 'application/json, text/plain, */*', enabled: true },
      { name: 'accept-language', value: 'en-US,en;q=0.9', enabled: true },
      { name: 'content-type', value: 'application/json', enabled: true },
      { name: 'cookie', value: "session=abc123; note=it's; theme=dark", enabled: true },
      { name: 'origin', value: 'https://app.example.com', enabled: true },
      { name: 'sec-ch-ua', value: '"Chromium";v="131", "Not_A Brand";v="24"', enabled: true },
      { name: 'user-agent', value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36', enabled: true },
      { name: 'Accept-Encoding', value: 'gzip, deflate, br', enabled: true },
    ]);
    expect(request.body).toEqual({ kind: 'json', text: '{"a":"it\'s","n":1,"s":"café"}' });
    expect(options).toEqual({ redirects: { follow: false }, decompression: { enabled: true } });
    expect(warnings).toEqual([]);
  });

  it('reads Chrome output with CRLF line endings identically', () => {
    expect(parseCurl(CHROME.replace(/\n/g, '\r\n'))).toEqual(parseCurl(CHROME));
  });

  it('reads Firefox output: -X POST, form data, user Content-Type kept', () => {
    const { request, warnings } = parseCurl(FIREFOX);
    expect(request.method).toBe('POST');
    expect(request.headers).toHaveLength(8);
    expect(request.headers[3]).toEqual({ name: 'Accept-Encoding', value: 'gzip, deflate, br, zstd', enabled: true });
    expect(request.body).toEqual({
      kind: 'text', text: 'q=hello+world&lang=en', contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
    });
    expect(warnings).toEqual([]);
  });

  it('reads Chrome -b cookies and a GET without body', () => {
    const cmd = `curl 'https://x.test/' \\\n  -b 'sid=1; lang=en' \\\n  -H 'accept: text/html' \\\n  -b 'extra=2'`;
    const { request } = parseCurl(cmd);
    expect(request.method).toBe('GET');
    expect(request.body).toEqual({ kind: 'none' });
    expect(request.headers).toEqual([
      { name: 'Cookie', value: 'sid=1; lang=en; extra=2', enabled: true },
      { name: 'accept', value: 'text/html', enabled: true },
    ]);
  });

  it('decodes ANSI-C escapes: \\x bytes as UTF-8, \\u, octal, \\e, \\t', () => {
    const { request } = parseCurl(String.raw`curl https://x.test -H $'X-A: \x41\u00e9\xc3\xa9\101\t\e|\\\"'`);
    expect(request.headers[0]).toEqual({ name: 'X-A', value: 'AééA\t\x1b|\\"', enabled: true });
  });

  it('keeps Unicode and empty values byte-exact', () => {
    const { request } = parseCurl(`curl 'https://例え.jp/パス?q=日本' -H 'X-Empty;' -H 'X-Emoji: 😀' --data-raw ''`);
    expect(request.url).toBe('https://例え.jp/パス?q=日本');
    expect(request.headers).toEqual([
      { name: 'X-Empty', value: '', enabled: true },
      { name: 'X-Emoji', value: '😀', enabled: true },
    ]);
    expect(request.body).toEqual({ kind: 'text', text: '', contentType: 'application/x-www-form-urlencoded' });
  });
});
