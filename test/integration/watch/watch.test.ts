// `clearance watch` against a local API whose answer changes after the first round (a flag the
// server flips itself once round 1 has been served): exactly that change is printed, logged and
// handed to the notify command once, as JSON on stdin and in its environment.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI_BIN, runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';

const KEY = 'watch-team-key-3b9f04';
let server: TestServer;
let dir: string;
let out: string;
let home: string;
/** collection: /flag answers 200 once, then 403; matrix: 200 for two calls, then 403 to a keyed call only */
let mode: 'collection' | 'matrix' = 'collection';
let flagHits = 0;
const seenKeys: string[] = [];

beforeAll(async () => {
  server = await startHttp((req, res) => {
    const key = req.headers['x-api-key'];
    if (typeof key === 'string') seenKeys.push(key);
    if (req.url === '/flag') {
      flagHits++;
      const flipped = mode === 'collection' ? flagHits > 1 : flagHits > 2 && key !== undefined;
      if (flipped) {
        // Server-controlled text that would run if it ever reached a shell.
        res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException', 'x-amzn-requestid': 'r-1' });
        res.end('{"message":"User is not authorized to access this resource $(touch pwned-by-server)"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"flag":true}');
      return;
    }
    if (key !== KEY) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"missing api key"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"steady":true}');
  });
  dir = await mkdtemp(join(tmpdir(), 'clearance-watch-ws-'));
  out = await mkdtemp(join(tmpdir(), 'clearance-watch-out-'));
  home = join(out, 'home');
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Watched\nid: 7c9e1d2a-0000-4000-8000-00000000a7c0\norder: [flag, steady]\n');
  await writeFile(join(dir, 'flag.yaml'), `name: 'Flag $(touch "$OUT/pwned")'\nmethod: GET\nurl: ${server.url}/flag\n`);
  await writeFile(join(dir, 'steady.yaml'), `name: Steady\nmethod: GET\nurl: ${server.url}/steady\n`);
  await mkdir(join(dir, 'keys'));
  await writeFile(join(dir, 'keys', 'team.yaml'), ['name: team', 'kind: api-key', 'param: x-api-key', 'hosts:', '  - 127.0.0.1', 'key:', '  secret: true', '  env: WATCH_KEY', ''].join('\n'));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

beforeEach(async () => {
  flagHits = 0;
  seenKeys.length = 0;
  await rm(home, { recursive: true, force: true });
});

const env = () => ({ WATCH_KEY: KEY, CLEARANCE_HOME: home, OUT: out, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });
const NOTIFY = 'cat >> "$OUT/notify.jsonl"; printf \'%s|%s\\n\' "$CLEARANCE_CHANGES" "$CLEARANCE_SUMMARY" >> "$OUT/env.txt"';

async function lines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean);
}

describe('clearance watch', () => {
  it('prints only the request whose class changed, with the new refusal explained; notifies once with the JSON', async () => {
    mode = 'collection';
    await rm(join(out, 'notify.jsonl'), { force: true });
    await rm(join(out, 'env.txt'), { force: true });
    const r = await runCli(['watch', dir, '--every', '1s', '--rounds', '2', '--key', 'team', '--notify', NOTIFY], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    // The server's truth: two rounds of two requests, the key on every one.
    expect(flagHits).toBe(2);
    expect(seenKeys).toEqual([KEY, KEY, KEY, KEY]);
    const printed = r.stdout.trim().split('\n');
    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatch(/GET Flag \$\(touch "\$OUT\/pwned"\) flag\.yaml: 2xx \(200\) → refused 403$/);
    expect(printed[1]).toMatch(/^ {4}↳ refused by Amazon API Gateway \(gateway\): [a-z-]+ — /);
    expect(r.stderr).toMatch(/round 1: 2 requests observed \(the baseline\)/);
    expect(r.stderr).toMatch(/stopped after 2 rounds/);

    const notified = await lines(join(out, 'notify.jsonl'));
    expect(notified).toHaveLength(1);
    const payload = JSON.parse(notified[0]!) as { target: string; round: { round: number; total: number; changes: Array<Record<string, unknown>> } };
    expect(payload.target).toBe(dir);
    expect(payload.round).toMatchObject({ round: 2, total: 2 });
    expect(payload.round.changes).toEqual([expect.objectContaining({
      id: 'flag.yaml', path: 'flag.yaml', method: 'GET',
      before: { status: 200, statusClass: '2xx', refused: false }, after: { status: 403, statusClass: '4xx', refused: true },
      refusal: expect.objectContaining({ producer: expect.objectContaining({ id: expect.stringMatching(/aws/) }) }),
    })]);
    expect(await readFile(join(out, 'env.txt'), 'utf8')).toBe('1|1 change: Flag $(touch "$OUT/pwned") 2xx (200) → refused 403\n');
    // Neither the request's name nor the server's body ran as shell text.
    expect(existsSync(join(out, 'pwned'))).toBe(false);
    expect(existsSync(join(process.cwd(), 'pwned-by-server'))).toBe(false);

    const log = await lines(join(home, 'watch', 'watch.jsonl'));
    expect(log.map((l) => (JSON.parse(l) as { round: number; changes: unknown[] }).changes.length)).toEqual([0, 1]);
    for (const text of [r.stdout, r.stderr, notified.join('\n'), log.join('\n')]) expect(text).not.toContain(KEY);
  });

  it('--matrix watches every key × gateway cell: only the keyed cell that flipped is reported', async () => {
    mode = 'matrix';
    await rm(join(out, 'notify.jsonl'), { force: true });
    const r = await runCli(['watch', dir, '--matrix', '--keys', 'team,none', '--gateways', 'direct', '--every', '1s', '--rounds', '2', '--notify', NOTIFY], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(flagHits).toBe(4);
    expect(r.stderr).toMatch(/round 1: 4 cells observed/);
    const printed = r.stdout.trim().split('\n');
    expect(printed[0]).toMatch(/GET Flag .* \[team @ direct\] flag\.yaml: 2xx \(200\) → refused 403$/);
    expect(printed).toHaveLength(2);
    const notified = await lines(join(out, 'notify.jsonl'));
    expect(notified).toHaveLength(1);
    expect((JSON.parse(notified[0]!) as { round: { changes: Array<{ id: string }> } }).round.changes.map((c) => c.id)).toEqual(['flag.yaml [team @ direct]']);
  });

  it('Ctrl+C between rounds stops cleanly (exit 0)', async () => {
    mode = 'collection';
    const child = spawn(process.execPath, [CLI_BIN, 'watch', dir, '--every', '1h', '--key', 'team'], { env: { ...process.env, NO_COLOR: '1', ...env() } });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    for (let i = 0; i < 400 && !stderr.includes('round 1:'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toContain('round 1:');
    child.kill('SIGINT');
    expect(await closed).toBe(0);
    expect(stderr).toMatch(/stopped after 1 round;/);
  });

  it('bad input is exit 2 before anything is sent', async () => {
    const every = await runCli(['watch', dir, '--every', '10ms'], { env: env() });
    expect(every.code).toBe(2);
    expect(every.stderr).toMatch(/--every 10ms: give a duration of at least 1s/);
    const envName = await runCli(['watch', dir, '--env', 'nope', '--rounds', '1'], { env: env() });
    expect(envName.code).toBe(2);
    expect(envName.stderr).toMatch(/no environment named nope/);
    const mixed = await runCli(['watch', dir, '--keys', 'team'], { env: env() });
    expect(mixed.code).toBe(2);
    expect(flagHits).toBe(0);
  });
});
