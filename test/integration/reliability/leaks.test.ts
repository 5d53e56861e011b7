// Secrets leak scan (issue 14): canary secrets reach a real local server through every key kind
// (bearer, api-key header, api-key query, basic, OAuth2 client secret and the token it earns) and
// an environment secret; then every byte the CLI and serve printed or wrote — send (plain, -v,
// --json), run (every reporter), export (curl, snippet, postman), history, diagnose (--json,
// --report html), matrix (--json, --html), watch, serve's replies, the app data folder and the
// body spill folder — is searched for each canary, plain, URL-encoded and base64.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { startHttp, type TestServer } from '../../support/servers';
import { startServeProcess } from './serve-process';

const CANARY = {
  CANARY_BEARER: 'cnry-bearer-7f3a9c1e', CANARY_HDR: 'cnry-header-2b8d4e6f', CANARY_QUERY: 'cnry-query-9e1c3a5b',
  CANARY_BASIC: 'cnry-basic-4d7f2a8c', CANARY_OAUTH: 'cnry-oauth-6a2e9d1f', CANARY_ENVVAR: 'cnry-envvar-1f9b7d3e',
};
const ACCESS = 'cnry-access-8b3f5c7d';
const SECRETS = [...Object.values(CANARY), ACCESS];
const b64 = (s: string) => Buffer.from(s).toString('base64');
/** Every form a canary can take on the wire or in a file. */
const FORMS = [...SECRETS.flatMap((s) => [s, encodeURIComponent(s), b64(s).replace(/=+$/, '')]),
  b64(`ann:${CANARY.CANARY_BASIC}`).replace(/=+$/, ''), b64(`client-id:${CANARY.CANARY_OAUTH}`).replace(/=+$/, '')];
const REQUESTS = ['bearer', 'hdr', 'query', 'basic', 'oauth', 'env'];

let server: TestServer;
let root: string;
const received: string[] = [];
const outputs: Array<{ where: string; text: string }> = [];

function write(path: string, text: string): Promise<void> {
  return writeFile(join(root, 'ws', path), text);
}

beforeAll(async () => {
  server = await startHttp((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body}`);
      if (req.url === '/token') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ access_token: ACCESS, token_type: 'Bearer', expires_in: 3600 }));
      }
      // A server that echoes what it got (a debug endpoint, an error page): 1.5 MB, so the body spills to a file.
      if (req.url?.startsWith('/r/big')) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(`${JSON.stringify(req.headers)}\n${'x'.repeat(1_500_000)}`);
      }
      res.writeHead(req.url?.startsWith('/r/bearer') ? 403 : 200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  root = await mkdtemp(join(tmpdir(), 'clearance-leaks-'));
  for (const d of ['ws/keys', 'ws/environments', 'ws/r', 'home', 'tmp', 'out']) await mkdir(join(root, d), { recursive: true });
  await write('clearance.yaml', 'clearance: 1\nname: Leaks\nid: ws-leaks-0001\n');
  await write('environments/staging.yaml', `name: staging\nvariables:\n  base: ${server.url}\n  apiSecret: {secret: true, env: CANARY_ENVVAR}\n`);
  const hosts = 'hosts: [127.0.0.1]\n';
  await write('keys/bearer.yaml', `name: bearer\nkind: bearer\n${hosts}token: {secret: true, env: CANARY_BEARER}\n`);
  await write('keys/hdr.yaml', `name: hdr\nkind: api-key\nin: header\nparam: X-Team-Key\n${hosts}key: {secret: true, env: CANARY_HDR}\n`);
  await write('keys/query.yaml', `name: query\nkind: api-key\nin: query\nparam: sig\n${hosts}key: {secret: true, env: CANARY_QUERY}\n`);
  await write('keys/basic.yaml', `name: basic\nkind: basic\nusername: ann\n${hosts}password: {secret: true, env: CANARY_BASIC}\n`);
  await write('keys/oauth.yaml', `name: oauth\nkind: oauth2-client-credentials\ntokenUrl: ${server.url}/token\nclientId: client-id\n${hosts}clientSecret: {secret: true, env: CANARY_OAUTH}\n`);
  for (const r of REQUESTS.filter((x) => x !== 'env')) await write(`r/${r}.yaml`, `name: ${r}\nmethod: GET\nurl: '{{base}}/r/${r}'\nkey: ${r}\n`);
  await write('r/env.yaml', "name: env\nmethod: POST\nurl: '{{base}}/r/env'\nheaders:\n  - {name: X-Sig, value: '{{apiSecret}}'}\nbody: {kind: json, text: '{\"s\": \"{{apiSecret}}\"}'}\n");
  await write('r/big.yaml', "name: big\nmethod: GET\nurl: '{{base}}/r/big'\nkey: bearer\n");
}, 60_000);

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const ENV = () => ({ ...CANARY, CLEARANCE_HOME: join(root, 'home'), TMPDIR: join(root, 'tmp'), DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });

async function cli(args: string[], keepStdout = true): Promise<void> {
  const r = await runCli(args, { env: ENV() });
  // a command refused as a usage error would scan nothing: each must have done its work
  expect(r.code === 0 || r.code === 1, `clearance ${args.join(' ')} → ${r.code}: ${r.stderr.slice(0, 400)}`).toBe(true);
  expect(r.stderr).not.toMatch(/internal error|\[internal\]/);
  outputs.push({ where: `stderr of clearance ${args.join(' ')}`, text: r.stderr });
  if (keepStdout) outputs.push({ where: `stdout of clearance ${args.join(' ')}`, text: r.stdout });
}

async function filesUnder(dir: string): Promise<Array<{ where: string; text: string }>> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(names.filter((n) => n.isFile()).map(async (n) => ({ where: join(n.parentPath, n.name), text: (await readFile(join(n.parentPath, n.name))).toString('latin1') })));
}

/** `where: secret` for every canary found, once per place and secret. */
let leaks: string[] = [];
/** `send -v` and `send --json`: their wire view is masked (issue 14); the last test proves it. */
const SEND_WIRE = /^(stderr of clearance send .* -v|stdout of clearance send .* --json)$/;
/** The app's own send reply carries the values its wire view masks until the user reveals them: by design. */
const APP_REPLY = /^serve workspace\.sendRequest /;

describe('no canary secret in anything Clearance prints or writes', () => {
  it('every output path, scanned', async () => {
    const ws = join(root, 'ws');
    const env = ['--env', 'staging'];
    for (const r of REQUESTS) {
      const file = join(ws, 'r', `${r}.yaml`);
      await cli(['send', file, ...env]);
      await cli(['send', file, ...env, '-v']);
      await cli(['send', file, ...env, '--json']);
    }
    // The body the user asked for is theirs to see: its stdout is not scanned; its spill file, history and -v are.
    await cli(['send', join(ws, 'r', 'big.yaml'), ...env], false);
    await cli(['send', join(ws, 'r', 'big.yaml'), ...env, '-v'], false);
    await cli(['run', ws, ...env, '--reporter', 'cli,json,junit,html', '--out', join(root, 'out', 'run')]);
    await cli(['export', 'curl', ws, ...env]);
    await cli(['export', 'snippet:python', ws, ...env]);
    await cli(['export', 'postman', ws, ...env, '--out', join(root, 'out', 'postman.json')]);
    await cli(['history']);
    await cli(['history', '--json']);
    await cli(['diagnose', join(ws, 'r', 'bearer.yaml'), ...env, '--json', '--max-probes', '4']);
    await cli(['diagnose', join(ws, 'r', 'bearer.yaml'), ...env, '--max-probes', '4', '--report', join(root, 'out', 'diagnosis.html')]);
    await cli(['matrix', join(ws, 'r'), ...env, '--json']);
    await cli(['matrix', join(ws, 'r'), ...env, '--html', join(root, 'out', 'matrix.html')]);
    await cli(['watch', join(ws, 'r'), ...env, '--rounds', '2', '--every', '1s']);

    const serve = await startServeProcess(ENV());
    try {
      for (const r of REQUESTS) {
        const reply = await serve.rpc('workspace.sendRequest', { dir: ws, path: `r/${r}.yaml`, env: 'staging' });
        outputs.push({ where: `serve workspace.sendRequest ${r}`, text: JSON.stringify(reply) });
        // The reply keeps values for the app's reveal; every header holding one is marked so the wire view masks it.
        const wireHeaders = (reply.value as { wire: { headers: Array<{ name: string; value: string; sensitive?: boolean; origin: string }> } }).wire.headers;
        for (const h of wireHeaders.filter((x) => SECRETS.some((v) => x.value.includes(v)))) {
          expect(h.sensitive === true || h.origin === 'auth', `${r}: ${h.name} holds a secret but is not marked sensitive`).toBe(true);
        }
        if (r === 'env') expect(wireHeaders.find((h) => h.name === 'X-Sig')?.sensitive).toBe(true);
      }
      const list = await serve.rpc('history.list', { limit: 500 });
      outputs.push({ where: 'serve history.list', text: JSON.stringify(list) });
      const entries = (list.value as { entries: Array<{ id: string }> }).entries;
      expect(entries.length, outputs.slice(0, 8).map((o) => `${o.where}: ${o.text.slice(0, 300)}`).join('\n') + JSON.stringify(list).slice(0, 300)).toBeGreaterThan(20);
      for (const e of entries.slice(0, 40)) outputs.push({ where: `serve history.body ${e.id}`, text: JSON.stringify(await serve.rpc('history.body', { id: e.id })) });
    } finally {
      await serve.stop();
    }

    // The server got every secret: the scan below is not vacuous.
    const wire = received.join('\n');
    for (const s of [CANARY.CANARY_BEARER, CANARY.CANARY_HDR, CANARY.CANARY_QUERY, b64(`client-id:${CANARY.CANARY_OAUTH}`), ACCESS, CANARY.CANARY_ENVVAR, b64(`ann:${CANARY.CANARY_BASIC}`)]) {
      expect(wire.includes(s) || wire.includes(encodeURIComponent(s)), `server never received ${s}; ${outputs.filter((o) => o.where.includes('r/env.yaml')).map((o) => o.where + o.text.slice(0, 300)).join('\n')}`).toBe(true);
    }

    const scanned = [...outputs, ...await filesUnder(join(root, 'out')), ...await filesUnder(join(root, 'home')), ...await filesUnder(join(root, 'tmp')), ...await filesUnder(ws)];
    leaks = [...new Set(scanned.flatMap(({ where, text }) => FORMS.filter((f) => text.includes(f)).map((f) => `${where}: ${f}`)))];
    const elsewhere = leaks.filter((l) => !SEND_WIRE.test(l.slice(0, l.lastIndexOf(': '))) && !APP_REPLY.test(l));
    console.log(`[leaks] ${scanned.length} outputs and files scanned (${outputs.length} printed or replied), ${FORMS.length} canary forms; `
      + `${elsewhere.length} leaks, ${leaks.length - elsewhere.length} in send -v/--json and the app's send reply`);
    expect(elsewhere).toEqual([]);
  }, 600_000);

  it('send -v --show-secrets prints what was sent, so the masking above is what hides it', async () => {
    const r = await runCli(['send', join(root, 'ws', 'r', 'bearer.yaml'), '--env', 'staging', '-v', '--show-secrets'], { env: ENV() });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Bearer ${CANARY.CANARY_BEARER}`);
  });

  it('send -v and send --json mask credential values (issue 14)', () => {
    expect(leaks.length).toBeGreaterThan(0);
    expect(leaks.filter((l) => SEND_WIRE.test(l.slice(0, l.lastIndexOf(': '))))).toEqual([]);
  });
});
