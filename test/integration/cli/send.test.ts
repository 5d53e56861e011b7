import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';

let server: Server;
let base: string;
let dir: string;
const seen: Array<{ method: string; url: string; headers: Record<string, unknown>; body: string }> = [];

const cli = (args: string[]) => runCli(args);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-cli-'));
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url?.startsWith('/forbidden')) {
        res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException' });
        res.end('{"message":"Forbidden"}');
        return;
      }
      res.writeHead(200, [['content-type', 'application/json'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2']]);
      res.end(JSON.stringify({ method: req.method, body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('clearance send', () => {
  it('sends a pasted curl command and prints the body on stdout, the status on stderr', async () => {
    const r = await cli(['send', '--curl', `curl -X POST '${base}/echo' -H 'x-api-key: k1' --data-raw '{"a":1}'`]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ method: 'POST', body: '{"a":1}' });
    expect(r.stderr).toMatch(/HTTP\/1\.1 200 OK/);
    expect(seen.at(-1)?.headers['x-api-key']).toBe('k1');
  });

  it('makes a 403 unmissable and exits 0 (a response arrived), 1 with --fail', async () => {
    const r = await cli(['send', '--curl', `curl ${base}/forbidden`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/403 Forbidden/);
    expect(r.stderr).toMatch(/✖ 403/);
    // the explainer's verdict: AWS's own error-type header names the producer
    expect(r.stderr).toMatch(/Refused by Amazon API Gateway \(gateway\)/);
    expect(r.stderr).toMatch(/fix:/);
    expect((await cli(['send', '--fail', '--curl', `curl ${base}/forbidden`])).code).toBe(1);
  });

  it('--json prints the response record with duplicate headers, timings and the wire view', async () => {
    const r = await cli(['send', '--json', '--curl', `curl -H 'X-Trace: 7' ${base}/ok`]);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.status).toBe(200);
    expect(rec.headers.filter(([k]: [string]) => k.toLowerCase() === 'set-cookie')).toHaveLength(2);
    expect(rec.timings.total).toBeGreaterThan(0);
    expect(rec.wire.requestLine).toBe('GET /ok HTTP/1.1');
    expect(rec.wire.headers).toContainEqual({ name: 'X-Trace', value: '7', origin: 'user' });
    expect(rec.wire.headers.some((h: { origin: string }) => h.origin === 'default')).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('-v shows each header with its origin', async () => {
    const r = await cli(['send', '-v', '--curl', `curl -H 'X-Trace: 7' ${base}/ok`]);
    expect(r.stderr).toMatch(/> GET \/ok HTTP\/1\.1/);
    expect(r.stderr).toMatch(/X-Trace: 7 \[user\]/);
    expect(r.stderr).toMatch(/User-Agent: clearance\/[\d.]+ \[default\]/i);
    expect(r.stderr).toMatch(/total/);
  });

  it('reads a YAML request file and writes the body with -o', async () => {
    const file = join(dir, 'req.yaml');
    await writeFile(file, `method: PUT\nurl: ${base}/items\nheaders:\n  x-api-key: fromfile\nbody:\n  kind: text\n  text: hello\n`);
    const out = join(dir, 'body.json');
    const r = await cli(['send', file, '-o', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual({ method: 'PUT', body: 'hello' });
    expect(seen.at(-1)?.headers['x-api-key']).toBe('fromfile');
  });

  it('bad input exits 2 with a one-line error naming it', async () => {
    const unknown = await cli(['send', '--curl', `curl --frobnicate ${base}/`]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('clearance: unknown curl option --frobnicate');
    const none = await cli(['send']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/nothing to send/);
    const missing = await cli(['send', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it('a request that cannot be sent exits 1 with the reason and a remedy, and sends nothing for CRLF injection', async () => {
    const before = seen.length;
    const crlf = await cli(['send', '--curl', `curl -H $'X-A: a\\r\\nX-Injected: 1' ${base}/ok`]);
    expect(crlf.code).toBe(1);
    expect(crlf.stderr).toMatch(/invalid-header/);
    expect(crlf.stderr).toMatch(/try:/);
    expect(seen.length).toBe(before);
    const refused = await cli(['send', '--json', '--curl', 'curl http://127.0.0.1:1/']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error).toMatchObject({ code: 'connection-refused' });
  });

  it('--help and --version answer without loading the engine', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/send/);
    expect((await cli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
