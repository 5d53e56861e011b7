// `clearance send --curl` with the curl HTTP version flags, against a real nginx whose log says which version it served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCerts, read, type TestCerts } from '../../support/certs';
import { startNginxH2, type NginxH2 } from '../../support/nginx-h2';
import { startHttps, type TestServer } from '../../support/servers';
import { runCli } from '../../support/cli';

let certs: TestCerts;
let nginx: NginxH2;
let onlyH1: TestServer;

beforeAll(async () => {
  certs = makeCerts();
  nginx = await startNginxH2(certs.server, {});
  onlyH1 = await startHttps({ cert: read(certs.server.cert), key: read(certs.server.key) }, (_req, res) => res.end('h1'));
});
afterAll(async () => {
  await nginx?.stop();
  await onlyH1?.close();
  certs?.cleanup();
});

const protocolLogged = async (uri: string): Promise<string> => (await nginx.logged(uri)).split(' ')[2]!;

describe('clearance send and HTTP versions', () => {
  it('--http2 -v: the wire view and the status line say HTTP/2, and nginx served HTTP/2.0', async () => {
    const r = await runCli(['send', '--curl', `curl --http2 --cacert ${certs.caPath} '${nginx.url}/final?cli=h2'`, '-v']);
    expect(r.code, r.stderr).toBe(0);
    expect(await protocolLogged('/final?cli=h2')).toBe('HTTP/2.0');
    expect(r.stderr).toContain('> GET /final?cli=h2 HTTP/2\n');
    expect(r.stderr).toContain(`> :authority: ${new URL(nginx.url).host} [computed]`);
    expect(r.stderr).not.toMatch(/^> connection:/m);
    expect(r.stderr).toMatch(/^ HTTP\/2 200 {2}/m);
    expect(r.stdout).toBe('final\n');
  });

  it('--http1.1 -v: HTTP/1.1 on the wire and in nginx', async () => {
    const r = await runCli(['send', '--curl', `curl --http1.1 --cacert ${certs.caPath} '${nginx.url}/final?cli=h1'`, '-v']);
    expect(r.code, r.stderr).toBe(0);
    expect(await protocolLogged('/final?cli=h1')).toBe('HTTP/1.1');
    expect(r.stderr).toContain('> GET /final?cli=h1 HTTP/1.1\n');
    expect(r.stderr).toMatch(/^ HTTP\/1\.1 200 OK {2}/m);
  });

  it('--http2-prior-knowledge --json: the record says 2; against an HTTP/1.1-only server, exit 1 with http2-unsupported', async () => {
    const ok = await runCli(['send', '--curl', `curl --http2-prior-knowledge --cacert ${certs.caPath} '${nginx.url}/final?cli=pk'`, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(await protocolLogged('/final?cli=pk')).toBe('HTTP/2.0');
    expect(JSON.parse(ok.stdout)).toMatchObject({ httpVersion: '2', wire: { requestLine: 'GET /final?cli=pk HTTP/2' } });
    const refused = await runCli(['send', '--curl', `curl --http2-prior-knowledge --cacert ${certs.caPath} ${onlyH1.url}/`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[http2-unsupported]');
    expect(refused.stderr).toContain('HTTP/2 was required');
  });
});
