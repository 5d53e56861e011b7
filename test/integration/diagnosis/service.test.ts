// diagnosis.run over the contract: probes stream as diagnosis.onProbe events while the run goes on,
// the result parses with the contract's schema, and diagnosis.stop ends a run early.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindContract, diagnosisContract, DiagnosisSchema } from '../../../shared/contract';
import { createDiagnosisService } from '../../../electron/services/diagnosis.service';
import { createEventHub } from '../../../electron/services/event-hub';
import { startHttp, type TestServer } from '../../support/servers';

let server: TestServer;
let hits = 0;

beforeAll(async () => {
  server = await startHttp((req, res) => {
    hits++;
    // Refuses everything, slowly enough that a stop lands mid-run.
    setTimeout(() => res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden'), 40);
    void req;
  });
});
afterAll(async () => { await server.close(); });

describe('diagnosis service', () => {
  it('streams each probe as an event, returns a contract-valid diagnosis', async () => {
    const hub = createEventHub();
    const events: Array<{ runId: string; probe: { id: string } }> = [];
    hub.subscribe((channel, payload) => { if (channel === 'diagnosis.onProbe') events.push(payload as never); });
    const run = bindContract(diagnosisContract, createDiagnosisService({ events: hub })).get('diagnosis.run')!;
    const r = await run({ runId: 'r1', maxProbes: 6, source: { kind: 'spec', request: { method: 'GET', url: `${server.url}/x` } } });
    expect(r.ok).toBe(true);
    const d = DiagnosisSchema.parse((r as { value: unknown }).value);
    expect(d.probes.length).toBeGreaterThan(0);
    expect(events.map((e) => e.probe.id)).toEqual(d.probes.map((p) => p.id));
    expect(events.every((e) => e.runId === 'r1')).toBe(true);
    expect(d.fix).toBeNull();
  });

  it('diagnosis.stop ends the run: fewer requests reach the server than the budget allows', async () => {
    const svc = createDiagnosisService();
    hits = 0;
    const running = svc.run({ runId: 'r2', maxProbes: 30, source: { kind: 'spec', request: { method: 'GET', url: `${server.url}/y`, params: [], headers: [], body: { kind: 'none' } } } });
    await new Promise((r) => setTimeout(r, 300));
    expect(await svc.stop({ runId: 'r2' })).toEqual({ stopped: true });
    const d = await running;
    expect(d.stopped).toBe('cancelled');
    const after = hits;
    await new Promise((r) => setTimeout(r, 300));
    expect(hits).toBe(after);
    expect(hits).toBeLessThan(15);
  });
});
