// The report of a real diagnosis (and a comparison) against a local gateway that refuses with a
// block page carrying request ids and a <script>: Markdown and HTML name the request ids, every
// probe and the checklist, never the key (not even inside the fix curls), and the HTML file is
// self-contained (no src or href, a CSP that fetches nothing) with the page's markup escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindContract, diagnosisContract } from '../../../shared/contract';
import { compareSource } from '../../../electron/diagnosis/compare-source';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { renderReport } from '../../../electron/diagnosis/report';
import type { Comparison } from '../../../electron/diagnosis/bisect';
import type { Diagnosis } from '../../../electron/diagnosis/types';
import { createDiagnosisService } from '../../../electron/services/diagnosis.service';
import { startHttp, type TestServer } from '../../support/servers';

const KEY = 'kong-key-93ac1f07be55';
const RAY = '8a1b2c3d4e5f6a7b-AMS';
const AMZN = '5b1e3c1a-aaaa-bbbb-cccc-0123456789ab';
let server: TestServer;
let d: Diagnosis;
let c: Comparison;

beforeAll(async () => {
  server = await startHttp((req, res) => {
    // Kong's key-auth reads `apikey`; anything else gets a block page that quotes its references.
    if (req.headers.apikey === KEY) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    res.writeHead(403, { 'content-type': 'text/html', 'cf-ray': RAY, 'x-amzn-requestid': AMZN, 'x-request-id': 'req-42-abc', 'set-cookie': 'track=zzz-secret-cookie' })
      .end(`<html><head><title>Access denied</title><script>alert("owned")</script></head><body><h1>Access denied</h1><p>Cloudflare Ray ID: <strong>${RAY.slice(0, 16)}</strong></p></body></html>`);
  });
  const source = { kind: 'spec' as const, request: { method: 'GET', url: `${server.url}/v1/things`, headers: [{ name: 'x-api-key', value: KEY, enabled: true }] } };
  d = await diagnoseSource(source, {}, { maxProbes: 20 });
  c = await compareSource(source, {}, { curl: `curl '${server.url}/v1/things' -H 'apikey: ${KEY}' -H 'Accept: application/json'` });
});
afterAll(async () => { await server.close(); });

describe('report', () => {
  it('the diagnosis and the comparison found fixes whose curls carry the key (what the report must hide)', () => {
    expect(d.fix?.curl).toContain(KEY);
    expect(c.fix?.curl).toContain(KEY);
  });

  it('Markdown: the request, who refused, the request ids, every probe, the checklist, the fix, never the key', () => {
    const md = renderReport({ diagnosis: d, compare: c, secrets: [KEY] }, 'markdown');
    expect(md).toContain(`cf-ray: ${RAY}`);
    expect(md).toContain(`x-amzn-requestid: ${AMZN}`);
    expect(md).toContain('x-request-id: req-42-abc');
    expect(md).toContain(`Ray ID: ${RAY.slice(0, 16)}`);
    expect(md).toContain('## Probes');
    for (const p of d.probes) expect(md).toContain(p.change.replace(/([\\`*_[\]])/g, '\\$1').replace(/</g, '&lt;'));
    expect(md).toContain('## Checklist');
    for (const item of d.checklist) expect(md).toContain(item.title);
    expect(md).toMatch(/\| (pass|FAIL|unknown|to do) \|/);
    expect(md).toContain('## Compared with a request that works');
    expect(md).toContain('## What to change');
    expect(md).toContain('```');
    expect(md).not.toContain(KEY);
    expect(md).not.toContain('zzz-secret-cookie');
  });

  it('names the key by its profile when asked: {{name}} in the fix', () => {
    const md = renderReport({ diagnosis: d, names: [{ value: KEY, name: 'kong' }] }, 'markdown');
    expect(md).toContain('apikey: {{kong}}');
    expect(md).not.toContain(KEY);
  });

  it('HTML: one self-contained file — no src, no href, a CSP that fetches nothing — with the block page escaped', () => {
    const html = renderReport({ diagnosis: d, compare: c }, 'html');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;');
    expect(html).toContain(RAY);
    expect(html).toContain(AMZN);
    for (const item of d.checklist) expect(html).toContain(item.title);
    expect(html).not.toContain(KEY);
  });

  it('diagnosis.report over the contract: the key is found in the fix curls and kept out without being told', async () => {
    const report = bindContract(diagnosisContract, createDiagnosisService()).get('diagnosis.report')!;
    for (const format of ['markdown', 'html'] as const) {
      const r = await report({ diagnosis: d, compare: c, format });
      expect(r.ok).toBe(true);
      const text = (r as { value: { text: string } }).value.text;
      expect(text).toContain(RAY);
      expect(text).not.toContain(KEY);
    }
  });
});
