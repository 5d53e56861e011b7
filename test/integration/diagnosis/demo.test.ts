// The demo's six lessons diagnosed end to end through the workspace (prepare → probes → verdict):
// each fixable one ends with the right fix, confirmed at the demo server, and the IP allow-list —
// which nothing client-side can pass — ends with no fix and someone to ask. Safety is read from
// the server's own record of what it received.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, writeDemoWorkspace, type DemoServer } from '../../../electron/demo';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';

const run = promisify(execFile);
let demo: DemoServer;
let dir: string;

beforeAll(async () => {
  demo = await startDemoServer();
  dir = await mkdtemp(join(tmpdir(), 'clearance-demo-diagnose-'));
  await writeDemoWorkspace(dir, demo.url);
});

afterAll(async () => {
  await demo.close();
  await rm(dir, { recursive: true, force: true });
});

const CASES: Array<[string, string | null, string]> = [
  ['key-in-the-query/list-orders.yaml', 'key-placement:header:x-api-key', 'missing-credentials'],
  ['gateway-header-name/list-products.yaml', 'key-placement:header:apikey', 'missing-credentials'],
  ['missing-scope/quarterly-reports.yaml', 'other-keys:reports-reader', 'insufficient-permissions'],
  ['rate-limit/search-orders.yaml', 'rate-limit:wait', 'rate-limited'],
  ['bot-rule/view-cart.yaml', 'browser-headers:user-agent', 'waf-or-bot-block'],
  ['ip-allow-list/internal-metrics.yaml', null, 'ip-or-geo-blocked'],
];

describe('the demo, diagnosed', () => {
  it.each(CASES)('%s', async (path, fix, cause) => {
    const before = demo.hits.length;
    const d = await diagnoseSource({ kind: 'file', dir, path }, { env: 'demo' });
    const sent = demo.hits.slice(before);
    expect(d.baseline.status).toBeGreaterThanOrEqual(400);
    expect(d.fix?.probe ?? null).toBe(fix);
    expect(d.cause).toBe(cause);
    if (fix) {
      // The confirmed 2xx is at the server, not only in the report.
      expect(sent.filter((h) => h.status >= 200 && h.status < 300).length).toBeGreaterThanOrEqual(2);
      const { stdout } = await run('bash', ['-c', `${d.fix!.curl} -s -o /dev/null -w '%{http_code}'`]);
      expect(stdout).toMatch(/^2\d\d$/);
    } else {
      expect(d.ask).toMatch(/allow/i);
      // Other paths may answer (the root, as a diagnosis); the request's own path never did.
      const own = new URL(d.baseline.url).pathname;
      expect(sent.filter((h) => h.path === own && h.status < 400)).toEqual([]);
    }
    expect(sent.length).toBeLessThanOrEqual(d.budget.max + 1);
    expect(sent.filter((h) => !['GET', 'HEAD', 'OPTIONS'].includes(h.method))).toEqual([]);
  });
});
