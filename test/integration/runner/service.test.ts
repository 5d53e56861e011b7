// runner.* over the contract: a folder runs in the background, each result arrives as a
// runner.onResult event that parses with the contract's schema, then runner.onFinish with the
// report; the refusal's response is kept for runner.response; `only` re-sends just those requests
// (the server counts them); runner.stop aborts the request in flight (the server sees the abort);
// a target outside the workspace is refused before anything is sent.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindContract, runnerContract } from '../../../shared/contract';
import { createRunnerService } from '../../../electron/services/runner.service';
import { createEventHub } from '../../../electron/services/event-hub';
import type { SendOutcome } from '../../../electron/workspace/history/entry';
import { startHttp, type TestServer } from '../../support/servers';
import type { ResponseRecord } from '../../../shared/model';

let dir: string;
let server: TestServer;
const hits = new Map<string, number>();
const aborted: string[] = [];

beforeAll(async () => {
  server = await startHttp((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/slow') {
      // Answers only long after any test would wait; a stopped run closes the connection first.
      const t = setTimeout(() => res.writeHead(200).end('late'), 30_000);
      res.on('close', () => { if (!res.writableEnded) { clearTimeout(t); aborted.push(path); } });
      return;
    }
    if (path === '/big-refusal') {
      // 3 MiB of HTML: a block page far past the in-memory limit, its last bytes marked
      const page = Buffer.alloc(3 * 1024 * 1024, ' ');
      page.write('<html><body>Access denied', 0);
      page.write('END-OF-PAGE', page.length - 11);
      res.writeHead(403, { 'content-type': 'text/html' }).end(page);
      return;
    }
    if (path === '/forbidden') {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException', 'x-amzn-requestid': 'r-1' }).end('{"message":"Forbidden"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  dir = await mkdtemp(join(tmpdir(), 'clearance-runner-svc-'));
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Shop\nid: ws-runner-svc-1\n');
  await mkdir(join(dir, 'orders'));
  await writeFile(join(dir, 'orders', 'folder.yaml'), 'order: [list, denied, created]\n');
  await writeFile(join(dir, 'orders', 'list.yaml'), `name: List\nmethod: GET\nurl: ${server.url}/list\n`);
  await writeFile(join(dir, 'orders', 'denied.yaml'), `name: Denied\nmethod: GET\nurl: ${server.url}/forbidden\n`);
  await writeFile(join(dir, 'orders', 'created.yaml'), `name: Created\nmethod: GET\nurl: ${server.url}/created\nexpect:\n  status: 201\n`);
  await mkdir(join(dir, 'big'));
  await writeFile(join(dir, 'big', 'page.yaml'), `name: Big page\nmethod: GET\nurl: ${server.url}/big-refusal\n`);
  await mkdir(join(dir, 'slow'));
  await writeFile(join(dir, 'slow', 'a.yaml'), `name: Slow\nmethod: GET\nurl: ${server.url}/slow\n`);
  await writeFile(join(dir, 'slow', 'b.yaml'), `name: Never\nmethod: GET\nurl: ${server.url}/never\n`);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function harness() {
  const hub = createEventHub();
  const results: Array<{ runId: string; result: { index: number; path: string; passed: boolean } }> = [];
  const finished: Array<{ runId: string; stopped: boolean; report?: { summary: { total: number; passed: number; failed: number; refusals: Record<string, number> } } }> = [];
  let done: () => void = () => {};
  const finishedOnce = new Promise<void>((r) => { done = r; });
  hub.subscribe((channel, payload) => {
    if (channel === runnerContract.events.onResult.channel) results.push(runnerContract.events.onResult.payload.parse(payload) as never);
    if (channel === runnerContract.events.onFinish.channel) {
      finished.push(runnerContract.events.onFinish.payload.parse(payload) as never);
      done();
    }
  });
  const recorded: SendOutcome[] = [];
  const handlers = bindContract(runnerContract, createRunnerService({ events: hub, history: { record: async (o) => { recorded.push(o); } } }));
  const call = async (channel: string, args: unknown) => {
    const r = await handlers.get(channel)!(args);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as never;
  };
  return { results, finished, finishedOnce, recorded, call, handlers };
}

describe('runner service', () => {
  it('streams each result, then the report; keeps the refusal for its explanation; re-runs only the failures', async () => {
    const h = harness();
    hits.clear();
    const started: { runId: string; requests: Array<{ path: string; method: string }> } = await h.call('runner.start', { workspace: dir, target: 'orders', runId: 'r1' });
    expect(started.runId).toBe('r1');
    expect(started.requests.map((r) => r.path)).toEqual(['orders/list.yaml', 'orders/denied.yaml', 'orders/created.yaml']);
    await h.finishedOnce;
    expect(h.results.map((r) => [r.result.path, r.result.passed])).toEqual([['orders/list.yaml', true], ['orders/denied.yaml', false], ['orders/created.yaml', false]]);
    expect([...hits.entries()].sort()).toEqual([['/created', 1], ['/forbidden', 1], ['/list', 1]]);
    const report = h.finished[0]!.report!;
    expect(report.summary).toMatchObject({ total: 3, passed: 1, failed: 2 });
    expect(Object.values(report.summary.refusals).reduce((a, b) => a + b, 0)).toBe(1);
    // Failed sends go to history (as `clearance run` does): the refusal and the mismatch.
    expect(h.recorded.map((o) => o.source?.path)).toEqual(['orders/denied.yaml', 'orders/created.yaml']);

    const kept: { record: { status: number; headers: Array<[string, string]> } | null } = await h.call('runner.response', { runId: 'r1', index: 2 });
    expect(kept.record?.status).toBe(403);
    expect(kept.record?.headers).toContainEqual(['x-amzn-errortype', 'ForbiddenException']);
    expect((await h.call('runner.response', { runId: 'r1', index: 1 }) as { record: unknown }).record).toBeNull();

    const h2 = harness();
    const again: { requests: Array<{ path: string }> } = await h2.call('runner.start', { workspace: dir, target: 'orders', only: ['orders/denied.yaml', 'orders/created.yaml'] });
    expect(again.requests.map((r) => r.path)).toEqual(['orders/denied.yaml', 'orders/created.yaml']);
    await h2.finishedOnce;
    expect([...hits.entries()].sort()).toEqual([['/created', 2], ['/forbidden', 2], ['/list', 1]]);
  });

  it('a kept response keeps its whole big body (the app opens it in a tab), unlike the CLI run', async () => {
    const h = harness();
    await h.call('runner.start', { workspace: dir, target: 'big', runId: 'r-big' });
    await h.finishedOnce;
    const kept: { record: ResponseRecord | null } = await h.call('runner.response', { runId: 'r-big', index: 1 });
    expect(kept.record?.status).toBe(403);
    expect(kept.record?.body.kind).toBe('file');
    if (kept.record?.body.kind !== 'file') return;
    const file = await readFile(kept.record.body.path, 'utf8');
    expect(file).toHaveLength(3 * 1024 * 1024);
    expect(file.endsWith('END-OF-PAGE')).toBe(true);
  });

  it('runner.stop aborts the request in flight: the server sees the abort and the rest is not sent', async () => {
    const h = harness();
    hits.clear();
    await h.call('runner.start', { workspace: dir, target: 'slow', runId: 'r-stop' });
    await expect.poll(() => hits.get('/slow') ?? 0).toBe(1);
    expect(await h.call('runner.stop', { runId: 'r-stop' })).toEqual({ stopped: true });
    await h.finishedOnce;
    expect(h.finished[0]).toMatchObject({ stopped: true, report: { summary: { total: 2, passed: 0, failed: 1, skipped: 1 } } });
    await expect.poll(() => aborted).toEqual(['/slow']);
    expect(hits.get('/never')).toBeUndefined();
    expect(await h.call('runner.stop', { runId: 'r-stop' })).toEqual({ stopped: false });
  });

  it('refuses a target outside the workspace and an unknown environment says so in runner.onFinish', async () => {
    const h = harness();
    const out = await h.handlers.get('runner.start')!({ workspace: dir, target: '../elsewhere' });
    expect(out).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
    hits.clear();
    await h.call('runner.start', { workspace: dir, target: 'orders', env: 'nope' });
    await h.finishedOnce;
    expect(h.finished[0]).toMatchObject({ stopped: false, error: { code: 'unknown-environment' } });
    expect(hits.size).toBe(0);
  });
});
