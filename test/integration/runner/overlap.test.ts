// The runner sends request i + 1 before it completes result i (explains a refusal, checks, reports),
// unless something must see the result first (--bail, --delay, scripts). Checked on the wire: undici
// announces each request's headers going out (diagnostics channel), and a reporter counts them when
// it receives each result. The results must be the same either way, in request order.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlan, type RunOptions } from '../../../electron/runner/run';
import { loadTarget } from '../../../electron/runner/target';
import type { RunResult } from '../../../electron/runner/types';
import { startHttp, type TestServer } from '../../support/servers';

let dir: string;
let server: TestServer;
const seen: string[] = [];
// every third request is refused the way API Gateway refuses, with an id of its own each time
const PATHS = Array.from({ length: 9 }, (_, i) => (i % 3 === 1 ? `/deny/${i}` : `/ok/${i}`));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clearance-overlap-'));
  server = await startHttp((req, res) => {
    seen.push(req.url ?? '');
    if (req.url?.startsWith('/deny')) {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException', 'x-amzn-requestid': `req-${seen.length}` });
      res.end(JSON.stringify({ message: 'Forbidden', requestId: `req-${seen.length}` }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, n: seen.length }));
  });
  const item = PATHS.map((p) => ({ name: p, request: { method: 'GET', header: [], url: { raw: `${server.url}${p}` } } }));
  await writeFile(join(dir, 'c.postman_collection.json'), JSON.stringify({
    info: { name: 'overlap', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item,
  }));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the collection; for each result, how many requests had gone out on the wire when it was reported. */
async function run(opts: Partial<RunOptions>): Promise<Array<{ result: RunResult; sentBefore: number }>> {
  let sent = 0;
  const onSend = (): void => {
    sent++;
  };
  const reported: Array<{ result: RunResult; sentBefore: number }> = [];
  subscribe('undici:client:sendHeaders', onSend);
  try {
    const plan = await loadTarget(join(dir, 'c.postman_collection.json'));
    await runPlan(plan, { ...opts, reporters: [{ result: (r) => reported.push({ result: r, sentBefore: sent }), finish: () => Promise.resolve() }] });
  } finally {
    unsubscribe('undici:client:sendHeaders', onSend);
  }
  return reported;
}

const comparable = (r: RunResult): Omit<RunResult, 'timeMs'> => {
  const { timeMs: _timeMs, ...rest } = r;
  return rest;
};

describe('clearance run: completing a result overlaps the next send', () => {
  it('a plain run has sent request i + 1 when result i is reported; results in order, refusals explained', async () => {
    // The explainer's module loads on the first response it reads, which can take longer than a round
    // trip: that run's first results may wait for it. Once loaded, every completion overlaps.
    await run({});
    seen.length = 0;
    const reported = await run({});
    expect(seen).toEqual(PATHS);
    expect(reported.map((r) => r.result.index)).toEqual(PATHS.map((_, i) => i + 1));
    expect(reported.map((r) => r.result.status)).toEqual(PATHS.map((p) => (p.startsWith('/deny') ? 403 : 200)));
    expect(reported.filter((r) => r.result.explanation?.producer?.id === 'aws-api-gateway')).toHaveLength(3);
    // every result but the last is reported after the next request went out
    expect(reported.map((r) => r.sentBefore)).toEqual(PATHS.map((_, i) => Math.min(i + 2, PATHS.length)));
  });

  it('with --delay nothing overlaps, and the results are the same', async () => {
    const plain = await run({});
    seen.length = 0;
    const delayed = await run({ delayMs: 1 });
    expect(seen).toEqual(PATHS);
    expect(delayed.map((r) => r.sentBefore)).toEqual(PATHS.map((_, i) => i + 1));
    // the refusals' request ids differ between the two runs (the server counts on): compare all else
    const strip = (r: RunResult): unknown => ({ ...comparable(r), url: r.url.replace(/:\d+\//, ':PORT/') });
    expect(delayed.map((r) => strip(r.result))).toEqual(plain.map((r) => strip(r.result)));
  });

  it('with --bail the run stops at the first refusal with nothing more sent', async () => {
    seen.length = 0;
    const reported = await run({ bail: true });
    expect(seen).toEqual(PATHS.slice(0, 2));
    expect(reported.map((r) => [r.result.status, r.sentBefore])).toEqual([[200, 1], [403, 2]]);
  });
});
