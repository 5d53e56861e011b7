import { describe, expect, it } from 'vitest';
import { explain, PRODUCERS, PRODUCER_KINDS } from '../../../../shared/explain/index';
import type { ExplainInput } from '../../../../shared/explain/index';

const NGINX_403 = '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';

describe('explain', () => {
  it('covers 60+ producers over every kind, with unique ids', () => {
    const ids = PRODUCERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(60);
    for (const kind of PRODUCER_KINDS) expect(PRODUCERS.some((p) => p.kind === kind), kind).toBe(true);
  });

  it('ranks every cause of the identical nginx 403 page and says so', () => {
    const e = explain({ status: 403, headers: { server: 'nginx/1.22.1' }, body: NGINX_403 });
    const causes = e.candidates.map((c) => c.cause);
    expect(causes.slice(0, 3).sort()).toEqual(['directory-listing-or-filesystem', 'ip-or-geo-blocked', 'method-or-path-blocked']);
    expect(e.confidence).toBeLessThan(0.5);
    expect(e.why).toMatch(/same 403 page/);
    expect(e.checklist[1]).toMatch(/autoindex/);
  });

  it('names the relay in front of the layer that wrote the body', () => {
    const e = explain({ status: 403, headers: { server: 'cloudflare', 'cf-ray': '8a-AMS' }, body: NGINX_403 });
    expect(e.producer?.id).toBe('nginx');
    expect(e.relay).toBe('Cloudflare');
    expect(e.why).toMatch(/Cloudflare sits in front/);
  });

  it('treats a 403 with Retry-After as rate limiting, not permissions', () => {
    const e = explain({ status: 403, headers: { 'retry-after': '30' }, body: '' });
    expect(e.cause).toBe('rate-limited');
  });

  it('reads GitHub scope headers', () => {
    const e = explain({ status: 403, headers: { 'x-github-request-id': 'A:B', 'x-oauth-scopes': 'repo', 'x-accepted-oauth-scopes': 'admin:org, read:org' }, body: '{"message":"Forbidden"}' });
    expect(e.producer?.id).toBe('github-api');
    expect(e.cause).toBe('insufficient-permissions');
    expect(e.evidence.some((x) => x.name === 'x-accepted-oauth-scopes')).toBe(true);
    const ok = explain({ status: 403, headers: { 'x-github-request-id': 'A:B', 'x-oauth-scopes': 'admin:org', 'x-accepted-oauth-scopes': 'read:org' }, body: '{"message":"Forbidden"}' });
    // the scope rule stays quiet; a GitHub 403 may still be a role or repository grant, ranked as a low prior
    expect(ok.reason.id).not.toBe('github-api/insufficient-permissions');
    expect(ok.confidence).toBeLessThan(0.5);
  });

  it('accepts headers as pairs or a record with array values, and no body', () => {
    const a = explain({ status: 401, headers: [['WWW-Authenticate', 'Bearer error="invalid_token"']] });
    const b = explain({ status: 401, headers: { 'www-authenticate': ['Bearer error="invalid_token"'] } });
    expect(a.cause).toBe('invalid-credentials');
    expect(b.cause).toBe('invalid-credentials');
  });

  it('does not flag ordinary responses', () => {
    for (const status of [200, 201, 204, 301, 304, 404, 500, 502]) {
      const e = explain({ status, headers: { 'content-type': 'application/json' }, body: '{"data":{"note":"access denied for guests","state":"forbidden"}}' });
      expect(e.blocked, String(status)).toBe(false);
      expect(e.cause).toBe('none');
    }
  });

  it('caps body scanning and stays fast', () => {
    const big = `<html><body>${'x'.repeat(2_000_000)}</body></html>`;
    const t0 = performance.now();
    explain({ status: 403, headers: { server: 'nginx' }, body: big });
    expect(performance.now() - t0).toBeLessThan(200);
    const inputs: ExplainInput[] = [
      { status: 403, headers: { server: 'nginx/1.22.1' }, body: NGINX_403 },
      { status: 403, headers: { 'x-amzn-errortype': 'AccessDeniedException', 'x-amzn-requestid': 'x' }, body: '{"message":"User: arn:aws:iam::1:user/a is not authorized to perform: s3:GetObject"}' },
      { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => ({ i, name: `item ${i}` })) }) },
    ];
    for (let i = 0; i < 200; i++) for (const x of inputs) explain(x); // warm up
    const times: number[] = [];
    for (let i = 0; i < 600; i++) {
      const x = inputs[i % inputs.length];
      if (!x) continue;
      const s = performance.now();
      explain(x);
      times.push(performance.now() - s);
    }
    times.sort((p, q) => p - q);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(1);
  });
});
