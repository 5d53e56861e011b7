// Compare with a request that works, against a local server that wants two things a browser sends
// and the user's request lacks (a session cookie and X-Requested-With) while a dozen other things
// differ: the bisection finds exactly those two within the budget (the server counts), the printed
// fix runs in real curl, a HAR entry works the same way, and a working request to another origin
// is compared only — neither server hears anything. A history entry's redacted values are unknown:
// listed, never sent.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bindContract, diagnosisContract } from '../../../shared/contract';
import { ComparisonSchema } from '../../../shared/contract/diagnosis';
import { compareSource } from '../../../electron/diagnosis/compare-source';
import { prepare } from '../../../electron/pipeline/prepare';
import { sendPrepared } from '../../../electron/pipeline/send-prepared';
import { createDiagnosisService } from '../../../electron/services/diagnosis.service';
import { HistoryStore } from '../../../electron/workspace/history';
import { startHttp, type TestServer } from '../../support/servers';

const run = promisify(execFile);
const SESSION = 's3ss10n-7f2a9c41d0';
const KEY = 'user-key-0b8e41c2aa';
let server: TestServer;
let elsewhere: TestServer;
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }> = [];
let elsewhereHits = 0;

function cookieOf(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries((req.headers.cookie ?? '').split(';').map((p) => p.trim().split('=') as [string, string]));
}

beforeAll(async () => {
  server = await startHttp((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const ok = cookieOf(req).session === SESSION && req.headers['x-requested-with'] === 'XMLHttpRequest';
    res.writeHead(ok ? 200 : 403, { 'content-type': 'application/json' }).end(ok ? '{"orders":[]}' : '{"error":"Forbidden"}');
  });
  elsewhere = await startHttp((_req, res) => {
    elsewhereHits++;
    res.writeHead(200).end('ok');
  });
});
afterAll(async () => { await server.close(); await elsewhere.close(); });
beforeEach(() => { seen.length = 0; elsewhereHits = 0; });

const browserCurl = (base: string): string => `curl '${base}/api/orders?page=2&view=compact' \\
  -H 'Accept: application/json, text/plain, */*' \\
  -H 'Accept-Language: en-GB,en;q=0.9' \\
  -H 'Connection: keep-alive' \\
  -b 'session=${SESSION}; theme=dark' \\
  -H 'Referer: ${base}/orders' \\
  -H 'Sec-Fetch-Dest: empty' \\
  -H 'Sec-Fetch-Mode: cors' \\
  -H 'Sec-Fetch-Site: same-origin' \\
  -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36' \\
  -H 'X-Requested-With: XMLHttpRequest' \\
  -H 'sec-ch-ua: "Chromium";v="126", "Not.A/Brand";v="24"' \\
  -H 'sec-ch-ua-mobile: ?0' \\
  -H 'sec-ch-ua-platform: "Linux"'`;

/** The user's request: another Accept, a header of its own, a key, one query parameter less. */
const userRequest = () => ({
  kind: 'spec' as const,
  request: { method: 'GET', url: `${server.url}/api/orders`, params: [{ name: 'page', value: '2', enabled: true }],
    headers: [{ name: 'Accept', value: 'application/json', enabled: true }, { name: 'X-Client', value: 'clearance-test', enabled: true },
      { name: 'x-api-key', value: KEY, enabled: true }] },
});

describe('compare with a working request', () => {
  it('bisects a dozen differences down to the cookie and the header the server wants; the fix runs in curl', async () => {
    const c = await compareSource(userRequest(), {}, { curl: browserCurl(server.url) });
    expect(c.mode).toBe('bisect');
    expect(c.baseline.status).toBe(403);
    expect(c.differences.length).toBeGreaterThanOrEqual(12);
    // Both values of each difference: a header the user lacks, one they send that the browser does not.
    expect(c.differences.find((d) => d.id === 'header:x-requested-with')).toMatchObject({ user: null, working: 'XMLHttpRequest', applicable: true });
    expect(c.differences.find((d) => d.id === 'header:x-client')).toMatchObject({ user: 'clearance-test', working: null });
    expect(c.differences.find((d) => d.id === 'param:view')).toMatchObject({ user: null, working: 'compact' });
    expect(c.differences.find((d) => d.id === 'cookie:session')?.working).not.toContain(SESSION);
    expect(c.minimal?.sort()).toEqual(['cookie:session', 'header:x-requested-with']);
    expect(c.smallest).toBe(true);
    expect(c.fix?.status).toBe(200);
    expect(seen.length).toBeLessThanOrEqual(20);
    expect(seen.length).toBe(c.budget.used);
    expect(seen.every((s) => s.method === 'GET')).toBe(true);
    // What is shown carries neither the user's key nor the browser's session.
    expect(JSON.stringify({ ...c, fix: null })).not.toContain(KEY);
    expect(JSON.stringify({ ...c, fix: null })).not.toContain(SESSION);

    seen.length = 0;
    const { stdout } = await run('bash', ['-c', `${c.fix!.curl} -s -o /dev/null -w '%{http_code}'`]);
    expect(stdout).toBe('200');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['x-requested-with']).toBe('XMLHttpRequest');
    expect(cookieOf({ headers: seen[0]!.headers } as IncomingMessage).session).toBe(SESSION);
  });

  it('takes the working request from a HAR entry (picks the 2xx entry for the same path)', async () => {
    const entry = (path: string, status: number, headers: Array<[string, string]>) => ({
      request: { method: 'GET', url: `${server.url}${path}`, httpVersion: 'HTTP/1.1', headers: headers.map(([name, value]) => ({ name, value })),
        queryString: [], cookies: [{ name: 'session', value: SESSION }] },
      response: { status, headers: [] },
    });
    const har = JSON.stringify({ log: { version: '1.2', creator: { name: 'Firefox' }, entries: [
      entry('/static/app.js', 200, [['Accept', '*/*']]),
      entry('/api/orders?page=2', 200, [['Host', server.url.slice(7)], ['User-Agent', 'Mozilla/5.0 Firefox/127.0'], ['Accept', 'application/json'],
        ['X-Requested-With', 'XMLHttpRequest'], ['DNT', '1'], ['Sec-GPC', '1']]),
    ] } });
    const c = await compareSource(userRequest(), {}, { har });
    expect(c.working).toMatchObject({ from: 'har', entry: 2, status: 200 });
    expect(c.minimal?.sort()).toEqual(['cookie:session', 'header:x-requested-with']);
    expect(c.fix?.status).toBe(200);
    expect(seen.length).toBeLessThanOrEqual(20);
    expect(c.differences.some((d) => d.id === 'header:host')).toBe(false);
  });

  it('a working request to another origin is compared only: nothing is sent to either server', async () => {
    const c = await compareSource(userRequest(), {}, { curl: browserCurl(elsewhere.url) });
    expect(c.mode).toBe('compare-only');
    expect(c.reason).toMatch(/another|goes to/);
    expect(c.differences.find((d) => d.id === 'origin')).toMatchObject({ applicable: false, working: elsewhere.url });
    expect(c.minimal).toBeNull();
    expect(c.fix).toBeNull();
    expect(c.probes).toEqual([]);
    expect(seen).toHaveLength(0);
    expect(elsewhereHits).toBe(0);
  });

  it('never sends a spoofing header the working request carries, nor its POST without permission', async () => {
    const curl = `${browserCurl(server.url)} -H 'X-Forwarded-For: 10.0.0.1'`;
    const c = await compareSource(userRequest(), {}, { curl });
    expect(c.differences.find((d) => d.id === 'header:x-forwarded-for')).toMatchObject({ applicable: false });
    expect(seen.some((s) => 'x-forwarded-for' in s.headers)).toBe(false);
    seen.length = 0;
    const post = await compareSource(userRequest(), {}, { curl: `${browserCurl(server.url)} -X POST --data-raw 'a=1'` });
    expect(post.differences.find((d) => d.id === 'method')).toMatchObject({ user: 'GET', working: 'POST', applicable: false });
    expect(seen.every((s) => s.method === 'GET')).toBe(true);
  });

  it('a history entry that succeeded, over the contract: its redacted cookie is unknown, listed and never sent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clearance-compare-history-'));
    const history = new HistoryStore({ dir });
    const works = await prepare({ kind: 'spec', request: { method: 'GET', url: `${server.url}/api/orders?page=2`,
      headers: [{ name: 'X-Requested-With', value: 'XMLHttpRequest', enabled: true }, { name: 'Cookie', value: `session=${SESSION}`, enabled: true }] } });
    await sendPrepared(works, { history });
    const [entry] = await history.list({ limit: 1 });
    expect(entry?.status).toBe(200);
    seen.length = 0;
    const compare = bindContract(diagnosisContract, createDiagnosisService({ history })).get('diagnosis.compare')!;
    const r = await compare({ runId: 'h1', source: userRequest(), working: { historyId: entry!.id } });
    expect(r.ok).toBe(true);
    const c = ComparisonSchema.parse((r as { value: unknown }).value);
    expect(c.working.from).toBe('history');
    expect(c.differences.find((d) => d.kind === 'cookie')).toMatchObject({ unknown: true, applicable: false });
    expect(c.differences.find((d) => d.id === 'header:x-requested-with')).toMatchObject({ working: 'XMLHttpRequest', applicable: true });
    expect(c.unknown).toHaveLength(1);
    expect(c.fix).toBeNull();
    expect(c.conclusion).toMatch(/unknown/);
    // The user's request and the one with every known difference; the masked cookie went nowhere.
    expect(seen).toHaveLength(2);
    expect(seen.some((x) => (x.headers.cookie ?? '').includes('•••'))).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });
});
