import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import aws4 from 'aws4';
import { closePools } from '../../../electron/engine';
import { sendThrough } from '../../../electron/pipeline';
import { signSigV4 } from '../../../electron/engine/auth/aws-sigv4';
import { readBody, startHttp, type TestServer } from '../../support/servers';
import { SUITE, VECTORS } from '../../support/sigv4-vectors';

describe('SigV4 against the AWS test suite', () => {
  it.each(VECTORS.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const contentType = v.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const headers = await signSigV4({
      method: v.method, url: new URL(`https://example.amazonaws.com${v.target}`),
      headers: v.headers.map(([name, value]) => ({ name, value })),
      body: v.body !== undefined ? { kind: 'text', text: v.body, ...(contentType ? { contentType } : {}) } : { kind: 'none' },
      accessKeyId: SUITE.accessKeyId, secretAccessKey: SUITE.secretAccessKey, service: SUITE.service, region: SUITE.region, now: 0,
    });
    expect(headers.find((h) => h.name === 'Authorization')).toEqual({ name: 'Authorization', value: v.authz, origin: 'auth' });
    // The suite's requests carry X-Amz-Date already: nothing else is added.
    expect(headers).toHaveLength(1);
  });
});

describe('SigV4 on the wire', () => {
  let server: TestServer;
  const seen: Array<{ ok: boolean; headers: Record<string, string | string[] | undefined>; expected: string }> = [];

  beforeAll(async () => {
    // The server signs what it received with the same secret and compares: the signature must cover
    // the request exactly as it arrived (host with port, content type, body, security token).
    server = await startHttp(async (req, res) => {
      const body = (await readBody(req)).toString();
      const signedList = /SignedHeaders=([^,]+)/.exec(String(req.headers.authorization))?.[1]?.split(';') ?? [];
      const headers: Record<string, string> = {};
      for (const name of signedList) headers[name] = String(req.headers[name]);
      const expected = aws4.sign({ host: req.headers.host, method: req.method, path: req.url, service: 'execute-api', region: 'eu-west-1', headers, body: body || undefined,
        extraHeadersToIgnore: { 'content-length': true } } as aws4.Request, { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret', sessionToken: 'sess-token' });
      const want = (expected.headers as Record<string, string>).Authorization!;
      const ok = want === req.headers.authorization;
      seen.push({ ok, headers: req.headers, expected: want });
      res.writeHead(ok ? 200 : 403).end(ok ? 'signed' : 'SignatureDoesNotMatch');
    });
  });
  afterAll(async () => {
    await closePools();
    await server.close();
  });

  const key = {
    name: 'aws-dev', kind: 'aws-sigv4' as const, hosts: ['127.0.0.1'], accessKeyId: 'AKIDTEST',
    secretAccessKey: { secret: true as const }, sessionToken: { secret: true as const }, service: 'execute-api', region: 'eu-west-1',
  };
  const keySecrets = { secretAccessKey: 'test-secret', sessionToken: 'sess-token' };

  it('signs a POST with a JSON body, query params and user headers as sent', async () => {
    const rec = await sendThrough({
      method: 'POST', url: `${server.url}/prod/pets?b=2&a=1`, params: [{ name: 'page', value: 'x y' }],
      headers: [{ name: 'X-Custom', value: 'v' }], body: { kind: 'json', text: '{"name":"rex"}' },
    }, { key, keySecrets, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) }, {});
    expect(rec.status).toBe(200);
    const last = seen.at(-1)!;
    expect(last.headers['x-amz-date']).toBe('20260102T030405Z');
    expect(last.headers['x-amz-security-token']).toBe('sess-token');
    expect(String(last.headers.authorization)).toMatch(/SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-custom,/);
    const origins = rec.wire.headers.filter((h) => /^(authorization|x-amz-)/i.test(h.name)).map((h) => h.origin);
    expect(new Set(origins)).toEqual(new Set(['auth']));
  });

  it('a wrong secret is refused by the verifying server', async () => {
    const rec = await sendThrough({ method: 'GET', url: `${server.url}/prod/pets` }, { key, keySecrets: { ...keySecrets, secretAccessKey: 'nope' } }, {});
    expect(rec.status).toBe(403);
  });
});
