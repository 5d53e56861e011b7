import { describe, expect, it } from 'vitest';
import { explain, producerById } from '../../../../shared/explain/index';
import { priorCauses } from '../../../../shared/explain/priors';
import { buildContext } from '../../../../shared/explain/context';

const top3 = (e: ReturnType<typeof explain>): string[] => e.candidates.slice(0, 3).map((c) => c.cause);
const ctxOf = (status: number, body = '', headers: Record<string, string> = {}) => buildContext({ status, headers, body });

describe('explain priors: the causes a layer usually means, when the evidence is thin', () => {
  it('lists each layer kind\'s usual causes for a 403', () => {
    const p = (id: string | null, body = '') => priorCauses(id ? producerById(id)! : null, ctxOf(403, body));
    expect(p('cloudflare').slice(0, 3)).toEqual(['waf-or-bot-block', 'ip-or-geo-blocked', 'rate-limited']);
    expect(p('aws-s3').slice(0, 3)).toEqual(['insufficient-permissions', 'resource-policy-deny', 'signature-or-clock-skew']);
    expect(p('aws-s3', '<Message>Anonymous users cannot list</Message>')[0]).toBe('missing-credentials');
    expect(p('squid')).toEqual(['proxy-denied', 'ip-or-geo-blocked']);
    expect(p('kong')).toEqual(['invalid-credentials', 'missing-credentials', 'insufficient-permissions', 'resource-policy-deny']);
    expect(p('nginx')).toEqual(['directory-listing-or-filesystem', 'ip-or-geo-blocked', 'waf-or-bot-block']);
    expect(p('okta')).toEqual(['invalid-credentials', 'account-or-plan-restriction', 'insufficient-permissions']);
    expect(p(null)).toEqual(['insufficient-permissions', 'ip-or-geo-blocked', 'waf-or-bot-block']);
    expect(p(null, 'Please log in first')).toContain('missing-credentials');
  });

  it('puts the credential causes first on a 401 and rate limiting on a 429', () => {
    expect(priorCauses(producerById('aws-s3')!, ctxOf(401)).slice(0, 2)).toEqual(['missing-credentials', 'invalid-credentials']);
    expect(priorCauses(producerById('nginx')!, ctxOf(429))[0]).toBe('rate-limited');
  });

  it('lets a known layer\'s priors lead only when the status alone spoke, with a low score', () => {
    const s3 = explain({ status: 403, headers: { 'x-amz-request-id': 'ABC', 'x-amz-id-2': 'xyz', server: 'AmazonS3' }, body: '' });
    expect(s3.producer?.id).toBe('aws-s3');
    expect(top3(s3)).toEqual(['insufficient-permissions', 'resource-policy-deny', 'signature-or-clock-skew']);
    expect(s3.confidence).toBeLessThanOrEqual(0.3);
    expect(s3.candidates.map((c) => c.cause)).toContain('other');
    const waf = explain({ status: 403, headers: { 'x-azure-ref': '0abc' }, body: '' });
    expect(waf.producer?.kind).toBe('cdn-waf');
    expect(top3(waf)).toEqual(['waf-or-bot-block', 'ip-or-geo-blocked', 'rate-limited']);
  });

  it('keeps `other` first for a bare 403 with no producer, with the usual causes after it', () => {
    const bare = explain({ status: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' });
    expect(bare.producer).toBeNull();
    expect(bare.cause).toBe('other');
    // an unnamed layer's answer in text or JSON is an API's: a permission, a refused credential, a resource policy
    expect(bare.candidates.map((c) => c.cause).slice(1, 4)).toEqual(['insufficient-permissions', 'invalid-credentials', 'resource-policy-deny']);
    // a page that says nothing more is an edge's more often: a WAF or bot check, an address block, a web filter
    const page = explain({ status: 403, headers: { 'content-type': 'text/html' }, body: '<html><head><title>403</title></head><body>403 Forbidden</body></html>' });
    expect(page.cause).toBe('other');
    expect(page.candidates.map((c) => c.cause).slice(1, 4)).toEqual(['waf-or-bot-block', 'ip-or-geo-blocked', 'proxy-denied']);
    expect(page.confidence).toBeLessThanOrEqual(0.3);
  });

  it('never changes a cause that has evidence, and ranks priors below every evidence-backed candidate', () => {
    const nginx = explain({ status: 403, headers: { server: 'nginx/1.22.1' }, body: '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx/1.22.1</center></body></html>' });
    expect(nginx.reason.id.startsWith('nginx/')).toBe(true);
    const alts = nginx.alternatives;
    const lastBacked = Math.max(...alts.map((a, i) => (a.evidence.some((e) => e.where !== 'status') ? i : -1)));
    const firstPrior = alts.findIndex((a) => a.evidence.every((e) => e.where === 'status'));
    expect(firstPrior).toBeGreaterThan(lastBacked);
    const causes = nginx.candidates.map((c) => c.cause);
    expect(new Set(causes).size).toBe(causes.length);
    const confidences = nginx.candidates.map((c) => c.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    const s3 = explain({ status: 403, headers: { 'x-amz-request-id': 'ABC', server: 'AmazonS3' }, body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>' });
    expect(s3.reason.id.startsWith('aws-s3/')).toBe(true);
    expect(s3.cause).toBe('insufficient-permissions');
  });

  it('adds nothing to a confident verdict', () => {
    const e = explain({ status: 429, headers: { 'retry-after': '30' }, body: '' });
    expect(e.cause).toBe('rate-limited');
    expect(e.candidates.every((c) => !e.alternatives.some((a) => a.cause === c.cause && a.reason.id.startsWith('prior.')))).toBe(true);
  });
});
