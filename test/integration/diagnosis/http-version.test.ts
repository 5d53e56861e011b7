// The http-version family against a real nginx speaking HTTP/2 over TLS: an edge that refuses
// HTTP/1.1 clients (a request pasted with --http1.1 is fixed by HTTP/2) and a backend rule that
// refuses what arrives over HTTP/2 (the auto request is fixed by HTTP/1.1 only). nginx's
// $server_protocol in its log is the truth; the printed curl (--http2-prior-knowledge / --http1.1,
// --cacert) succeeds when run by real curl.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCurl } from '../../../shared/curl';
import { closePools } from '../../../electron/engine';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { makeCerts, type TestCerts } from '../../support/certs';
import { nginxPreamble, runNginxConf } from '../../support/nginx';
import { freePort } from '../../support/ports';
import { curlStatus } from './helpers';

let certs: TestCerts;
let dir = '';
let port = 0;
let stop: () => Promise<void> = async () => {};
const log = (): string[] => (existsSync(join(dir, 'proto.log')) ? readFileSync(join(dir, 'proto.log'), 'utf8').split('\n').filter(Boolean) : []);

beforeAll(async () => {
  certs = makeCerts();
  dir = mkdtempSync(join(tmpdir(), 'clearance-diag-h2-'));
  chmodSync(dir, 0o755);
  port = await freePort();
  const proc = await runNginxConf(dir, `
${nginxPreamble(dir)}
  log_format proto '$request_method $request_uri $server_protocol $status';
  server {
    listen 127.0.0.1:${port} ssl http2;
    server_name localhost;
    ssl_certificate ${certs.server.cert};
    ssl_certificate_key ${certs.server.key};
    access_log ${dir}/proto.log proto;
    default_type application/json;
    location /edge/ {
      if ($server_protocol != "HTTP/2.0") { return 403 '{"error":"automated clients are not allowed"}'; }
      return 200 '{"ok":true}';
    }
    location /legacy/ {
      if ($server_protocol = "HTTP/2.0") { return 403 '{"error":"protocol not allowed"}'; }
      return 200 '{"ok":true}';
    }
  }
}
`, port);
  stop = proc.stop;
});
afterAll(async () => {
  await closePools();
  await stop();
  rmSync(dir, { recursive: true, force: true });
  certs?.cleanup();
});

function fromCurl(cmd: string) {
  const parsed = parseCurl(cmd);
  return { source: { kind: 'spec' as const, request: parsed.request }, overrides: { options: parsed.options } };
}

describe('http-version', () => {
  it('an edge that refuses HTTP/1.1: the request pasted with --http1.1 succeeds over HTTP/2', async () => {
    const { source, overrides } = fromCurl(`curl --http1.1 --cacert ${certs.caPath} https://localhost:${port}/edge/items`);
    const before = log().length;
    const d = await diagnoseSource(source, overrides, { maxProbes: 20 });
    expect(d.baseline.status).toBe(403);
    expect(d.fix?.probe).toBe('http-version:2');
    expect(d.fix?.curl).toContain('--http2-prior-knowledge');
    // nginx logs after answering: wait for the baseline, the probe and its confirmation.
    for (let i = 0; i < 40 && log().length < before + 3; i++) await new Promise((r) => setTimeout(r, 50));
    const lines = log().slice(before);
    expect(lines[0]).toBe('GET /edge/items HTTP/1.1 403');
    expect(lines.filter((l) => l.endsWith('HTTP/2.0 200'))).toHaveLength(2);
    expect(lines.length).toBeLessThanOrEqual(21);
    expect(await curlStatus(d.fix!.curl)).toBe('200');
  });

  it('a rule that refuses HTTP/2: the auto request (HTTP/2 by ALPN) succeeds with HTTP/1.1 only', async () => {
    const { source, overrides } = fromCurl(`curl --cacert ${certs.caPath} https://localhost:${port}/legacy/items`);
    const d = await diagnoseSource(source, overrides, { maxProbes: 20 });
    expect(d.baseline.status).toBe(403);
    expect(d.fix?.probe).toBe('http-version:1.1');
    expect(d.fix?.curl).toContain('--http1.1');
    expect(await curlStatus(d.fix!.curl)).toBe('200');
  });
});
