// The clock-skew family against a SigV4-verifying server whose clock is two hours ahead of ours:
// the skew is read from the error's own times (API Gateway's "Signature expired", S3's
// RequestTimeTooSkewed) or the Date header, reported in the conclusion and checklist, and the
// request signed again at the server's time succeeds — so the diagnosis says "your clock is off by
// 7200 s" and offers no request change. With the clocks in step, a wrong secret is not blamed on time.
import type { IncomingMessage, ServerResponse } from 'node:http';
import aws4 from 'aws4';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { formatSkew, skewFromBody } from '../../../electron/diagnosis/probes/clock-skew.probe';
import { startHttp, type TestServer } from '../../support/servers';
import { expectSafe, workspace, type Seen } from './helpers';

const SECRET = 'clock-test-secret';
const OFFSET = 2 * 3600_000;
let server: TestServer;
let dir = '';
const seen: Seen[] = [];
let offset = OFFSET;

const amz = (ms: number): string => new Date(ms).toISOString().replace(/[:-]|\.\d{3}/g, '');
const parseAmz = (s: string): number => Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(9, 11), +s.slice(11, 13), +s.slice(13, 15));

function signatureOk(req: IncomingMessage): boolean {
  const signed = /SignedHeaders=([^,]+)/.exec(String(req.headers.authorization))?.[1]?.split(';') ?? [];
  const headers: Record<string, string> = {};
  for (const name of signed) headers[name] = String(req.headers[name]);
  const want = aws4.sign({ host: req.headers.host, method: req.method, path: req.url, service: 'execute-api', region: 'eu-west-1', headers,
    extraHeadersToIgnore: { 'content-length': true } } as aws4.Request, { accessKeyId: 'AKIDCLOCK', secretAccessKey: SECRET });
  return (want.headers as Record<string, string>).Authorization === req.headers.authorization;
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
  const serverNow = Date.now() + offset;
  res.setHeader('Date', new Date(serverNow).toUTCString());
  const signedAt = parseAmz(String(req.headers['x-amz-date'] ?? '19700101T000000Z'));
  const s3 = (req.url ?? '').startsWith('/bucket/');
  if (Math.abs(serverNow - signedAt) > 5 * 60_000) {
    if (s3) {
      res.writeHead(403, { 'content-type': 'application/xml', server: 'AmazonS3', 'x-amz-request-id': 'R3Q1D7E2F4', 'x-amz-id-2': 'aGVsbG8gY2xvY2s=' }).end(`<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>${new Date(signedAt).toISOString()}</RequestTime><ServerTime>${new Date(serverNow).toISOString()}</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>`);
      return;
    }
    const edge = signedAt < serverNow ? `is now earlier than ${amz(serverNow - 5 * 60_000)} (${amz(serverNow)} - 5 min.)` : `is still later than ${amz(serverNow + 5 * 60_000)} (${amz(serverNow)} + 5 min.)`;
    res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'InvalidSignatureException', 'x-amzn-RequestId': 'b7e0c1d2-0000-4000-8000-000000000001' })
      .end(JSON.stringify({ message: `Signature ${signedAt < serverNow ? 'expired' : 'not yet current'}: ${amz(signedAt)} ${edge}` }));
    return;
  }
  if (!signatureOk(req)) {
    res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'InvalidSignatureException', 'x-amzn-RequestId': 'b7e0c1d2-0000-4000-8000-000000000002' })
      .end(JSON.stringify({ message: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.' }));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"pets":[]}');
}

beforeAll(async () => {
  server = await startHttp(handle);
  dir = await workspace({
    'keys/aws.yaml': ['name: aws', 'kind: aws-sigv4', 'hosts:', `  - 127.0.0.1:${server.port}`, 'accessKeyId: AKIDCLOCK', 'secretAccessKey:', '  secret: true',
      '  env: CLOCK_AWS_SECRET', 'service: execute-api', 'region: eu-west-1', ''].join('\n'),
  });
});
afterAll(async () => { await server.close(); });
beforeEach(() => {
  seen.length = 0;
  offset = OFFSET;
});

const deps = (secret = SECRET) => ({ environ: { CLOCK_AWS_SECRET: secret } });

describe('clock-skew', () => {
  it('API Gateway "Signature expired": signed at the server\'s time it succeeds; the clock is named, no request change offered', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/prod/pets` }, dir }, { key: 'aws' }, { deps: deps() });
    expect(d.baseline.status).toBe(403);
    const probe = d.probes.find((p) => p.id === 'clock-skew:signed-at-server-time');
    expect(probe?.flipped).toBe(true);
    // The first probe: the most telling one, and the diagnosis stops there.
    expect(d.probes[0]?.id).toBe('clock-skew:signed-at-server-time');
    expect(d.probes).toHaveLength(1);
    expect(d.fix).toBeNull();
    expect(d.cause).toBe('signature-or-clock-skew');
    expect(d.conclusion).toMatch(/^Found it: signed at the server's time the call succeeds: this machine's clock is 720[01] s \(2 h 0 min\) behind/);
    expect(d.ask).toMatch(/clock/);
    const finding = d.findings?.find((f) => f.id === 'clock-skew:measured');
    expect(finding).toMatchObject({ state: 'fail', cause: 'signature-or-clock-skew' });
    expect(finding?.text).toContain("from the server's time in the error");
    expect(d.checklist.find((c) => c.step === 'auth')).toMatchObject({ state: 'fail' });
    // At the server: the baseline signed with our clock, the probe with the server's (within the 5 min).
    expect(seen).toHaveLength(2);
    const signedAt = parseAmz(String(seen[1]!.headers['x-amz-date']));
    expect(Math.abs(signedAt - (Date.now() + OFFSET))).toBeLessThan(60_000);
    expectSafe(seen, 40);
  });

  it('a clock behind the server (negative skew) and S3\'s RequestTimeTooSkewed: the exact skew from <RequestTime>/<ServerTime>', async () => {
    offset = -3 * 3600_000;
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/bucket/key.txt` }, dir }, { key: 'aws' }, { deps: deps() });
    expect(d.explanation.cause).toBe('signature-or-clock-skew');
    expect(d.probes.find((p) => p.id === 'clock-skew:signed-at-server-time')?.flipped).toBe(true);
    expect(d.conclusion).toMatch(/(10799|10800) s \(3 h 0 min\) ahead of the server's/);
    expect(d.fix).toBeNull();
  });

  it('clocks in step but a wrong secret: the time is cleared, no re-signed probe, no fix', async () => {
    offset = 0;
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${server.url}/prod/pets` }, dir }, { key: 'aws' },
      { deps: deps('wrong-secret'), maxProbes: 10 });
    expect(d.baseline.status).toBe(403);
    expect(d.probes.some((p) => p.family === 'clock-skew')).toBe(false);
    const finding = d.findings?.find((f) => f.id === 'clock-skew:measured');
    expect(finding?.state).toBe('pass');
    expect(finding?.text).toMatch(/agree within 2 s .*the signature itself/);
    expect(d.fix).toBeNull();
    expect(d.ask).toBeTruthy();
    expectSafe(seen, 10);
  });

  it('the skew an error states, and how it is written', () => {
    expect(skewFromBody('{"message":"Signature expired: 20260102T030405Z is now earlier than 20260102T050000Z (20260102T050500Z - 5 min.)"}')).toBe((2 * 3600 + 55) * 1000);
    expect(skewFromBody('<Error><Code>RequestTimeTooSkewed</Code><RequestTime>2026-01-02T03:00:00Z</RequestTime><ServerTime>2026-01-02T02:59:00Z</ServerTime></Error>')).toBe(-60_000);
    expect(skewFromBody('{"message":"Forbidden"}')).toBeNull();
    expect(formatSkew(-7_200_400)).toBe('7200 s (2 h 0 min)');
    expect(formatSkew(42_000)).toBe('42 s');
  });
});
