// Checklist ticks kept outside the request file: per workspace request (id + path) or per scratch
// request (method + URL without its query), across a new store (a restart), written atomically,
// and a file that cannot be read is reported, never overwritten.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindContract, diagnosisContract } from '../../../shared/contract';
import { checkKey, createChecksStore } from '../../../electron/diagnosis/checks-store';
import { createDiagnosisService } from '../../../electron/services/diagnosis.service';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'clearance-checks-')), 'diagnosis', 'checks.json');
const file = { kind: 'file' as const, workspace: 'ws-0123456789', path: 'orders/list.yaml' };

describe('checklist ticks', () => {
  it('are kept per request across a restart, and unticked', async () => {
    const path = fresh();
    const a = createChecksStore(path);
    await a.set(file, 'logging', true);
    await a.set(file, 'auth', true);
    expect(await a.set(file, 'auth', false)).toEqual(['logging']);
    const b = createChecksStore(path);
    expect(await b.get(file)).toEqual(['logging']);
    expect(await b.get({ ...file, path: 'other.yaml' })).toEqual([]);
    expect(await b.get({ ...file, workspace: 'another-workspace' })).toEqual([]);
  });

  it('a scratch request is keyed by method and URL without its query or credentials: no key reaches the file', async () => {
    const path = fresh();
    const s = createChecksStore(path);
    await s.set({ kind: 'scratch', method: 'get', url: 'http://user:pw@127.0.0.1:8080/v1/orders?api_key=secret-123#x' }, 'logging', true);
    expect(await s.get({ kind: 'scratch', method: 'GET', url: 'http://127.0.0.1:8080/v1/orders?api_key=other' })).toEqual(['logging']);
    expect(await s.get({ kind: 'scratch', method: 'POST', url: 'http://127.0.0.1:8080/v1/orders' })).toEqual([]);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('secret-123');
    expect(text).not.toContain('pw@');
    expect(checkKey({ kind: 'scratch', method: 'GET', url: '{{base}}/v1?key=x' })).toBe('url:GET {{base}}/v1');
  });

  it('quick ticks in a row all land (writes are serialised)', async () => {
    const s = createChecksStore(fresh());
    await Promise.all(['auth', 'server', 'gateway', 'logging'].map((id) => s.set(file, id, true)));
    expect(await s.get(file)).toEqual(['auth', 'gateway', 'logging', 'server']);
  });

  it('a file that is not JSON is reported and left as it was', async () => {
    const path = fresh();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '{ not json');
    const s = createChecksStore(path);
    await expect(s.set(file, 'auth', true)).rejects.toThrow(/not JSON/);
    expect(readFileSync(path, 'utf8')).toBe('{ not json');
    // the queue goes on after a failure
    writeFileSync(path, '{"clearanceChecks":1,"requests":{}}');
    expect(await s.set(file, 'auth', true)).toEqual(['auth']);
  });

  it('over the contract: diagnosis.setCheck then diagnosis.checks', async () => {
    const handlers = bindContract(diagnosisContract, createDiagnosisService({ checksPath: fresh() }));
    const set = await handlers.get('diagnosis.setCheck')!({ target: file, id: 'logging', done: true });
    expect(set).toEqual({ ok: true, value: { done: ['logging'] } });
    expect(await handlers.get('diagnosis.checks')!({ target: file })).toEqual({ ok: true, value: { done: ['logging'] } });
    const bad = await handlers.get('diagnosis.checks')!({ target: { kind: 'file', workspace: '', path: 'x' } });
    expect(bad.ok).toBe(false);
  });
});
