import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../../shared/curl';

/** Chrome DevTools' escapeStringWin, for "Copy as cURL (cmd)". */
function chromeWin(str: string): string {
  return '^"' + str
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[^a-zA-Z0-9\s_\-:=+~'/.',?;()*`]/g, '^$&')
    .replace(/%(?=[a-zA-Z0-9_])/g, '%^')
    .replace(/\r?\n/g, '^\n\n') + '^"';
}

describe('parseCurl: Chrome "Copy as cURL (cmd)"', () => {
  it('undoes caret escaping, ^ continuations and \\" quoting', () => {
    const body = '{"msg":"50% off & <more>!\\n","path":"C:\\\\tmp","pct":"%PATH%"}\nline2';
    const cmd = [
      `curl ${chromeWin('https://x.test/a?b=1&c=%20')}`,
      `-H ${chromeWin('accept: */*')}`,
      `-H ${chromeWin('content-type: application/json')}`,
      `-b ${chromeWin('sid=a|b^c')}`,
      `--data-raw ${chromeWin(body)}`,
      '--compressed',
    ].join(' ^\r\n  ');
    const { request, warnings } = parseCurl(cmd);
    expect(request.url).toBe('https://x.test/a?b=1&c=%20');
    expect(request.headers.slice(0, 3)).toEqual([
      { name: 'accept', value: '*/*', enabled: true },
      { name: 'content-type', value: 'application/json', enabled: true },
      { name: 'Cookie', value: 'sid=a|b^c', enabled: true },
    ]);
    expect(request.body).toEqual({ kind: 'text', text: body, contentType: 'application/json' });
    expect(warnings).toEqual([]);
  });

  it('reports an unterminated quote in cmd style', () => {
    expect(() => parseCurl('curl ^"https://x.test^" ^\n -H ^"a')).toThrow('unterminated quote at column 6 of line 2');
  });
});
