import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';

let dir: string;
const NGINX = 'HTTP/1.1 403 Forbidden\r\nServer: nginx/1.22.1\r\nContent-Type: text/html\r\n\r\n<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';
const AWS = { status: 403, headers: { 'x-amzn-errortype': 'MissingAuthenticationTokenException', 'x-amzn-requestid': 'r1', 'content-type': 'application/json' }, body: '{"message":"Missing Authentication Token"}' };

function har(entries: Array<{ status: number; headers: Record<string, string>; body: string; url?: string }>): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: entries.map((e) => ({
    startedDateTime: '2026-11-25T00:00:00Z', time: 1,
    request: { method: 'GET', url: e.url ?? 'https://api.example.com/x', httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status: e.status, statusText: '', httpVersion: 'HTTP/1.1', headers: Object.entries(e.headers).map(([name, value]) => ({ name, value })),
      cookies: [], content: { size: e.body.length, mimeType: 'application/json', text: e.body }, redirectURL: '', headersSize: -1, bodySize: -1 },
    cache: {}, timings: { send: 0, wait: 1, receive: 0 },
  })) } });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-explain-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('clearance explain', () => {
  it('explains raw `curl -i` text: producer, cause, evidence, fix and checklist', async () => {
    const file = join(dir, 'nginx.txt');
    await writeFile(file, NGINX);
    const r = await runCli(['explain', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/refused by nginx \(web-server\)/);
    expect(r.stdout).toMatch(/evidence/);
    expect(r.stdout).toMatch(/fix:/);
    expect(r.stdout).toMatch(/checklist:\n\s+1\. /);
    expect(r.stdout).toMatch(/directory-listing-or-filesystem/); // identical pages: the other causes are ranked too
  });

  it('--json prints an array in the shape docs/cli.md documents, from stdin', async () => {
    const r = await runCli(['explain', '-', '--json'], { stdin: JSON.stringify(AWS) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Array.isArray(out)).toBe(true);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ status: 403, blocked: true, producer: { id: 'aws-api-gateway', kind: 'gateway' } });
    expect(out[0].candidates[0].cause).toBe(out[0].cause);
    expect(out[0].evidence.some((e: { text: string }) => JSON.stringify(AWS).includes(e.text))).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('explains every entry of a HAR log, and says when a response is not a refusal', async () => {
    const file = join(dir, 'log.har');
    await writeFile(file, har([{ status: 200, headers: { 'content-type': 'application/json' }, body: '{"items":[]}' }, AWS]));
    const json = JSON.parse((await runCli(['explain', file, '--json'])).stdout);
    expect(json.map((e: { blocked: boolean }) => e.blocked)).toEqual([false, true]);
    expect(json[0].cause).toBe('none');
    const human = await runCli(['explain', file]);
    expect(human.stdout).toMatch(/#1 200 not a refusal/);
    expect(human.stdout).toMatch(/#2 .*403/);
  });

  it('bad input exits 2 with a one-line error naming what is wrong, never a stack trace', async () => {
    const junk = await runCli(['explain', '-'], { stdin: 'hello there\n' });
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/^clearance: stdin: .*status line/);
    expect(junk.stderr).not.toMatch(/\n\s+at /);
    const missing = await runCli(['explain', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    const badHar = join(dir, 'bad.har');
    await writeFile(badHar, JSON.stringify({ log: { version: '1.2', entries: [{ response: {} }] } }));
    const bad = await runCli(['explain', badHar]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/status/);
  });

  it("names the service of a bare refusal by the request's host: a HAR entry's URL, a JSON file's url, or --url", async () => {
    const bare = { status: 403, headers: { 'content-length': '0' }, body: '' };
    const file = join(dir, 'bare.har');
    await writeFile(file, har([{ ...bare, url: 'https://api.github.com/repos/acme/app' }, { ...bare, url: 'https://intranet.example/x' }]));
    const fromHar = JSON.parse((await runCli(['explain', file, '--json'])).stdout);
    expect(fromHar.map((e: { producer: { id: string } | null }) => e.producer?.id ?? null)).toEqual(['github-api', null]);
    expect(fromHar[0].why).toContain("named only by the request's host api.github.com");
    expect(fromHar[0].producer.namedBy).toBe('host');
    // the terminal's verdict line says it too, not only the JSON
    const text = (await runCli(['explain', file])).stdout;
    expect(text).toContain("refused by GitHub API (saas-api, named by the request's host)");
    const flag = JSON.parse((await runCli(['explain', '-', '--json', '--url', 'https://api.stripe.com/v1/charges'], { stdin: JSON.stringify(bare) })).stdout);
    expect(flag[0].producer?.id).toBe('stripe-api');
    // the file's own URL wins over --url; a response that names its layer keeps it whatever the URL
    const own = JSON.parse((await runCli(['explain', '-', '--json', '--url', 'https://api.stripe.com/'], { stdin: JSON.stringify({ ...bare, url: 'https://api.openai.com/v1/models' }) })).stdout);
    expect(own[0].producer?.id).toBe('openai-api');
    const named = JSON.parse((await runCli(['explain', '-', '--json', '--url', 'https://api.stripe.com/'], { stdin: JSON.stringify(AWS) })).stdout);
    expect(named[0].producer).toMatchObject({ id: 'aws-api-gateway', namedBy: 'response' });
  });
});
