// Issue 14, faults against real servers: the built CLI meets each fault a real local server serves
// (resets, silence, broken heads, TLS mismatches, bad certificates, redirects off the web, a 10 GB
// gzip bomb, 1 GB and 5 GiB bodies, HTTP/2 stream resets) and ends in one clear error line with its
// code, reason and remedy, under a memory bound (max RSS from GNU time). bench/faults.ts runs the
// same list with the defaults and prints the README's table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMeasured } from '../../support/cli-measured';
import { FAULT_CASES } from '../../support/fault-cases';
import { startFaultServers, type FaultServers } from '../../support/fault-servers';

/** No fault may take the CLI past this resident size (it stays at 60-130 MB). */
const RSS_BOUND_MB = 300;

let s: FaultServers;
beforeAll(async () => { s = await startFaultServers(); });
afterAll(async () => { await s?.close(); });

/** Requests seen by any of the servers: the fault was met at the server, not refused before sending. */
const reached = (): number => s.seen.length + s.raw.requests.length + s.h2.streamsReset
  + Object.values(s.tls).reduce((n, t) => n + t.connections, 0);

describe('every fault a real server serves ends in a clear error with bounded memory', () => {
  for (const c of FAULT_CASES) {
    it(c.name, async () => {
      const before = reached();
      const expected = c.inTest ?? { flags: '', code: c.code, message: c.message };
      const r = await sendMeasured(`${c.curl(s)}${expected.flags ? ` ${expected.flags}` : ''}`);
      expect(reached()).toBeGreaterThan(before);
      expect(r.maxRssMb, 'max RSS (MB)').toBeLessThan(RSS_BOUND_MB);
      if (expected.code === null) {
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toMatch(expected.message);
        return;
      }
      expect(r.code, r.stderr).toBe(1);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(expected.message);
      expect(lines[0]).toContain(`[${expected.code}]`);
      expect(lines.slice(1).join('\n')).toMatch(/^ {2}why: .+\n {2}try: .+$/);
      expect(r.stderr).not.toMatch(/unexpected error|\[unknown\]|\[internal\]|at .+\(.+:\d+:\d+\)/);
    }, 120_000);
  }

  it('an HTTP/2 stream reset is not retried behind the user\'s back', async () => {
    const before = s.h2.streamsReset;
    const r = await sendMeasured(`curl --http2 --cacert ${s.certs.caPath} ${s.h2.url}/once`);
    expect(r.stderr).toContain('[connection-reset]');
    expect(s.h2.streamsReset - before).toBe(1);
  });
});
