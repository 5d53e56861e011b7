// Issue 14, defect 9: responses that break HTTP/1.1 were all explained as `unknown` ("an unexpected
// error occurred"). A raw TCP server writes each malformed response; the built CLI must name it
// with its own code, reason and remedy (exit 1: the request ran and failed).
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';

const CASES: Array<[string, string, string, RegExp]> = [
  ['a 10 MB header', `HTTP/1.1 200 OK\r\nX-Big: ${'x'.repeat(10 * 1024 * 1024)}\r\nContent-Length: 0\r\n\r\n`, 'response-headers-too-large', /too many or too large headers/],
  ['100,000 headers', `HTTP/1.1 200 OK\r\n${Array.from({ length: 100_000 }, (_, i) => `X-H${i}: v\r\n`).join('')}Content-Length: 0\r\n\r\n`, 'response-headers-too-large', /too many or too large headers/],
  ['invalid chunked encoding', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n', 'response-invalid-chunk', /broken chunked body/],
  ['status 9999', 'HTTP/1.1 9999 Weird\r\nContent-Length: 0\r\n\r\n', 'response-invalid-status', /invalid status code/],
  ['garbage', 'GARBAGE NOT HTTP AT ALL\r\n\r\n', 'response-not-http', /is not HTTP\/1\.1/],
  ['Content-Length with Transfer-Encoding', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n', 'response-length-mismatch', /conflicting body framing/],
  ['a header name with a space', 'HTTP/1.1 200 OK\r\nBad Header: x\r\nContent-Length: 0\r\n\r\n', 'response-malformed', /is malformed HTTP/],
];

let server: Server;
let port: number;
/** which case the next connection answers with, and what the server saw of each request */
let answer = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((socket) => {
    socket.on('error', () => { /* the client may close first on a refused response: nothing to do */ });
    socket.once('data', (chunk: Buffer) => {
      seen.push(chunk.toString('latin1').split('\r\n')[0]!);
      socket.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => { await new Promise((resolve) => server.close(resolve)); });

describe('a malformed HTTP/1.1 response is named, not unknown', () => {
  for (const [what, raw, code, message] of CASES) {
    it(what, async () => {
      answer = raw;
      seen.length = 0;
      const r = await runCli(['send', '--curl', `curl http://127.0.0.1:${port}/p`]);
      expect(seen).toEqual(['GET /p HTTP/1.1']);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(`[${code}]`);
      expect(r.stderr).not.toMatch(/unexpected error/);
      expect(r.stderr).toMatch(/why: .+\n.*try: .+/);
    });
  }
});
