import { describe, expect, it } from 'vitest';
import { explain, type Explanation } from '../../../shared/explain';
import {
  cleanWhy, evidenceChips, headline, inlineCode, lowerFirst, redactUrl, reportMarkdown, splitChecklistItem, toExplanationView,
} from '../../../renderer/src/features/explain/explanation-view';
import { findText } from '../../../renderer/src/lib/find-text';

const kong: Explanation = {
  status: 403,
  blocked: true,
  producer: { id: 'kong', kind: 'gateway', name: 'Kong' },
  cause: 'insufficient-permissions',
  confidence: 0.86,
  candidates: [
    { cause: 'insufficient-permissions', confidence: 0.86 },
    { cause: 'invalid-credentials', confidence: 0.3 },
    { cause: 'ip-or-geo-blocked', confidence: 0.2 },
    { cause: 'other', confidence: 0.15 },
    { cause: 'rate-limited', confidence: 0.05 },
  ],
  evidence: [
    { where: 'body', text: 'You cannot consume this service' },
    { where: 'header', name: 'server', text: 'kong/3.6.1' },
    { where: 'status', text: '403' },
  ],
  why: 'Kong (gateway) refused the request with status 403: the ACL plugin refused this consumer. Also plausible: invalid-credentials, ip-or-geo-blocked.',
  fix: 'Use a consumer in an allowed ACL group.',
  checklist: [
    'Verify permissions and authentication: List the roles/scopes the credential carries. Kong: Check the consumer\'s ACL groups.',
    'Review server configuration: Check the resource ACL.',
  ],
  relay: 'Cloudflare',
};

describe('toExplanationView', () => {
  const v = toExplanationView(kong);

  it('names the producer and the cause in words', () => {
    expect(v.headline).toBe('Refused by Kong (gateway) — insufficient permissions');
    expect(v.producer).toEqual({ name: 'Kong', kind: 'gateway' });
    expect(v.causeTitle).toBe('Insufficient permissions');
    expect(v.relay).toBe('Cloudflare');
  });

  it('turns confidence into a percentage and a level', () => {
    expect(v.confidencePct).toBe(86);
    expect(v.confidenceLevel).toBe('high');
    expect(toExplanationView({ ...kong, confidence: 0.5 }).confidenceLevel).toBe('medium');
    expect(toExplanationView({ ...kong, confidence: 0.3 }).confidenceLevel).toBe('low');
  });

  it('offers candidates 2..4 as alternatives, not the chosen cause', () => {
    expect(v.alternatives.map((a) => a.cause)).toEqual(['invalid-credentials', 'ip-or-geo-blocked', 'other']);
    expect(v.alternatives[0]).toEqual({ cause: 'invalid-credentials', title: 'Invalid credentials', pct: 30 });
  });

  it('makes header and body evidence into chips and drops the status', () => {
    expect(v.evidence.map((c) => [c.where, c.label, c.value])).toEqual([
      ['body', 'body', 'You cannot consume this service'],
      ['header', 'server', 'kong/3.6.1'],
    ]);
    expect(v.evidence[1]!.title).toBe('server: kong/3.6.1');
    expect(v.evidence[1]!.evidence).toEqual({ where: 'header', name: 'server', text: 'kong/3.6.1' });
  });

  it('shortens long evidence for the chip but keeps it whole in the title', () => {
    const long = 'x'.repeat(120);
    const [chip] = evidenceChips([{ where: 'body', text: long }]);
    expect(chip!.value.length).toBeLessThanOrEqual(48);
    expect(chip!.value.endsWith('…')).toBe(true);
    expect(chip!.title).toContain(long);
  });

  it('keeps the substance of "why" without the headline and the id list', () => {
    expect(v.why).toBe('The ACL plugin refused this consumer.');
    expect(cleanWhy('Something odd happened.')).toBe('Something odd happened.');
  });

  it('splits checklist items into step, text and the producer tip', () => {
    expect(v.checklist[0]).toEqual({
      step: 'Verify permissions and authentication',
      text: 'List the roles/scopes the credential carries.',
      tip: { who: 'Kong', text: 'Check the consumer\'s ACL groups.' },
    });
    expect(v.checklist[1]).toEqual({ step: 'Review server configuration', text: 'Check the resource ACL.', tip: null });
    expect(splitChecklistItem('Just do it.', null)).toEqual({ step: null, text: 'Just do it.', tip: null });
  });

  it('reads without a producer, and keeps acronyms in cause phrases', () => {
    expect(headline({ ...kong, producer: null, cause: 'rate-limited' })).toBe('Refused by an unidentified layer — rate limited');
    expect(headline({ ...kong, producer: null, cause: 'other' })).toBe('Refused by an unidentified layer — cause not identified');
    expect(headline({ ...kong, blocked: false, cause: 'none' })).toBe('Not a refusal');
    expect(headline({ ...kong, cause: 'waf-or-bot-block' })).toBe('Refused by Kong (gateway) — WAF or bot protection');
    expect(lowerFirst('IP or location blocked')).toBe('IP or location blocked');
    expect(toExplanationView({ ...kong, producer: { id: 'cf', kind: 'cdn-waf', name: 'Cloudflare' } }).producer?.kind).toBe('CDN / WAF');
  });

  it('maps what the real explainer says about an AWS API Gateway 403', () => {
    const e = explain({
      status: 403,
      headers: [['content-type', 'application/json'], ['x-amzn-errortype', 'ForbiddenException'], ['x-amzn-requestid', 'abc']],
      body: '{"message":"Forbidden"}',
    });
    const view = toExplanationView(e);
    expect(view.blocked).toBe(true);
    expect(view.producer?.name).toBe('Amazon API Gateway');
    expect(view.evidence.some((c) => c.label === 'x-amzn-errortype')).toBe(true);
    expect(view.why).not.toMatch(/refused the request with status/);
  });
});

describe('reportMarkdown', () => {
  const md = reportMarkdown(kong, { statusText: 'Forbidden', method: 'GET', url: 'https://user:pw@api.example.com/orders?apikey=s3cret#x' });

  it('summarises status, producer, cause, evidence, fix and checklist', () => {
    expect(md.startsWith('# 403 Forbidden — Refused by Kong (gateway) — insufficient permissions\n')).toBe(true);
    expect(md).toContain('- **Request:** `GET https://api.example.com/orders`');
    expect(md).toContain('- **Producer:** Kong (gateway)');
    expect(md).toContain('- **Relayed by:** Cloudflare');
    expect(md).toContain('- **Cause:** Insufficient permissions (`insufficient-permissions`), confidence 86%');
    expect(md).toContain('- **Also plausible:** Invalid credentials (30%), IP or location blocked (20%), Refused (unclassified) (15%)');
    expect(md).toContain('- Header `server: kong/3.6.1`');
    expect(md).toContain('- Body contains `You cannot consume this service`');
    expect(md).toContain('## Fix\n\nUse a consumer in an allowed ACL group.');
    expect(md).toContain('1. [ ] **Verify permissions and authentication:** List the roles/scopes the credential carries. _Kong:_ Check the consumer\'s ACL groups.');
    expect(md).toContain('2. [ ] **Review server configuration:** Check the resource ACL.');
  });

  it('never carries the query string or URL credentials', () => {
    expect(md).not.toContain('s3cret');
    expect(md).not.toContain('user:pw');
    expect(redactUrl('http://h/p?q=1')).toBe('http://h/p');
  });
});

describe('findText', () => {
  it('finds text case-insensitively', () => {
    expect(findText('<h1>Sorry, you have been blocked</h1>', 'sorry, YOU have')).toEqual({ start: 4, end: 19 });
  });

  it('finds compact JSON in its pretty-printed form', () => {
    const pretty = '{\n  "message": "Forbidden"\n}';
    const span = findText(pretty, '{"message":"Forbidden"}');
    expect(span).toEqual({ start: 0, end: pretty.length });
  });

  it('tolerates line breaks where the evidence has spaces, and escapes regex characters', () => {
    expect(findText('a (b)\n  [c]* d', '(b) [c]*')).toEqual({ start: 2, end: 12 });
    expect(findText('abc', 'zzz')).toBeNull();
    expect(findText('abc', '   ')).toBeNull();
  });
});

describe('inlineCode', () => {
  it('splits `code` spans out of prose', () => {
    expect(inlineCode('Check `deny`/`allow` rules')).toEqual([
      { code: false, text: 'Check ' }, { code: true, text: 'deny' }, { code: false, text: '/' },
      { code: true, text: 'allow' }, { code: false, text: ' rules' },
    ]);
    expect(inlineCode('no code')).toEqual([{ code: false, text: 'no code' }]);
  });
});
