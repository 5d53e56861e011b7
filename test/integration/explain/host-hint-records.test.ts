// The request's URL reaches the explainer from a real record, on every path that explains one: the
// runner, the matrix cell and the history verdict. A local forward proxy relays a bare 403 for
// http://api.github.com/… (no DNS here: the proxy answers absolute-form requests itself), so the
// record's URL is GitHub's API host while the response names no layer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePools, send } from '../../../electron/engine';
import { explainLater } from '../../../electron/runner/explain-result';
import { refusalOf } from '../../../electron/matrix/cell';
import { refusedVerdict } from '../../../electron/workspace/history/refused';
import { startHttp, type TestServer } from '../../support/servers';

let relay: TestServer;
const seen: string[] = [];

beforeAll(async () => {
  relay = await startHttp((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(403, { 'content-length': '0' });
    res.end();
  });
});
afterAll(async () => {
  await closePools();
  await relay?.close();
});

describe('the request URL on the explain paths', () => {
  it('names the service by its host for a bare refusal, in the runner, the matrix and history', async () => {
    const rec = await send({ method: 'GET', url: 'http://api.github.com/repos/acme/app' }, { proxy: { url: relay.url } });
    expect(seen).toContain('http://api.github.com/repos/acme/app'); // the proxy saw the absolute URL
    expect(rec.status).toBe(403);
    expect(rec.url).toBe('http://api.github.com/repos/acme/app');
    const run = await explainLater(rec);
    expect(run?.producer).toMatchObject({ id: 'github-api', namedBy: 'host' });
    expect(run?.why).toContain("named only by the request's host api.github.com");
    expect(refusalOf(rec).refusal?.producer).toMatchObject({ id: 'github-api', namedBy: 'host' });
    expect((await refusedVerdict(rec)).producer).toBe('GitHub API');
  });

  it('names nobody for the same answer from a host no service owns', async () => {
    const rec = await send({ method: 'GET', url: 'http://intranet.example/x' }, { proxy: { url: relay.url } });
    expect(rec.status).toBe(403);
    expect((await explainLater(rec))?.producer).toBeNull();
    expect(refusalOf(rec).refusal?.producer).toBeNull();
  });
});
