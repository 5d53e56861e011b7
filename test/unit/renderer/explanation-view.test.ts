import { describe, expect, it } from 'vitest';
import { explain, type Explanation } from '../../../shared/explain';
import {
  checklistRows, evidenceChips, headline, inlineCode, lowerFirst, redactUrl, reportMarkdown, toExplanationView,
} from '../../../renderer/src/features/explain/explanation-view';
import { findText } from '../../../renderer/src/lib/find-text';

const alt = (cause: Explanation['cause'], confidence: number, why: string, fix: string): Explanation['alternatives'][number] =>
  ({ cause, confidence, reason: { id: `status.403/${cause}`, text: why }, why, evidence: [{ where: 'status', text: '403' }], fix });

// The prose fields (why, checklist) deliberately disagree with the data fields: the view must read the data.
const kong: Explanation = {
  status: 403,
  blocked: true,
  producer: { id: 'kong', kind: 'gateway', name: 'Kong', namedBy: 'response' },
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
  why: 'Kong (gateway) refused the request with status 403: prose the view must not parse. Also plausible: invalid-credentials.',
  fix: 'Use a consumer in an allowed ACL group.',
  checklist: ['Prose: not read by the view.'],
  relay: 'Cloudflare',
  reason: { id: 'kong/insufficient-permissions', text: 'The ACL plugin refused this consumer.' },
  alternatives: [
    { ...alt('invalid-credentials', 0.3, 'The key is not known.', 'Check the key.'), evidence: [{ where: 'body', text: 'Invalid authentication credentials' }, { where: 'status', text: '403' }] },
    alt('ip-or-geo-blocked', 0.2, 'An IP rule may refuse you.', 'Call from an allowed network.'),
    alt('other', 0.15, 'No known reason.', 'Ask the owner.'),
    alt('rate-limited', 0.05, 'A limit may apply.', 'Slow down.'),
  ],
  steps: [
    { step: 1, id: 'auth', title: 'Verify permissions and authentication', text: 'List the roles/scopes the credential carries.', producerTip: 'Check the consumer\'s ACL groups.' },
    { step: 2, id: 'server', title: 'Review server configuration', text: 'Check the resource ACL.' },
  ],
};

describe('toExplanationView', () => {
  const v = toExplanationView(kong);

  it('names the producer and the cause in words', () => {
    expect(v.headline).toBe('Refused by Kong (gateway) — insufficient permissions');
    expect(v.producer).toEqual({ name: 'Kong', kind: 'gateway', namedBy: null });
    // a layer named only by the request's host or a vendor mark is a guess, and the view says so
    expect(toExplanationView({ ...kong, producer: { ...kong.producer!, namedBy: 'host' } }).producer?.namedBy).toBe("named by the request's host");
    expect(toExplanationView({ ...kong, producer: { ...kong.producer!, namedBy: 'vendor-mark' } }).producer?.namedBy).toBe('named by a mark of its vendor');
    expect(v.causeTitle).toBe('Insufficient permissions');
    expect(v.relay).toBe('Cloudflare');
  });

  it('turns confidence into a percentage and a level', () => {
    expect(v.confidencePct).toBe(86);
    expect(v.confidenceLevel).toBe('high');
    expect(toExplanationView({ ...kong, confidence: 0.5 }).confidenceLevel).toBe('medium');
    expect(toExplanationView({ ...kong, confidence: 0.3 }).confidenceLevel).toBe('low');
  });

  it('offers the next three alternatives with their own reason, fix and evidence', () => {
    expect(v.alternatives.map((a) => a.cause)).toEqual(['invalid-credentials', 'ip-or-geo-blocked', 'other']);
    expect(v.alternatives[0]).toMatchObject({ cause: 'invalid-credentials', title: 'Invalid credentials', pct: 30, why: 'The key is not known.', fix: 'Check the key.' });
    expect(v.alternatives[0]!.evidence.map((c) => c.value)).toEqual(['Invalid authentication credentials']);
    expect(v.alternatives[0]!.detail).toBe('The key is not known. Check the key.');
  });

  it('does not repeat the main reason and fix for causes one identical page leaves open', () => {
    const nginx = explain({ status: 403, headers: { server: 'nginx/1.22.1' }, body: '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n' });
    const view = toExplanationView(nginx);
    const dir = view.alternatives.find((a) => a.cause === 'directory-listing-or-filesystem');
    expect(dir?.why).toBe(nginx.reason.text); // the same page, the same reason
    expect(dir?.detail).toBe('The web server refuses a directory listing or cannot read the file.');
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

  it('shows the reason as the explanation states it, not a sentence cut out of `why`', () => {
    expect(v.why).toBe('The ACL plugin refused this consumer.');
  });

  it('lists the checklist records, the producer naming its own tip', () => {
    expect(v.checklist).toEqual([
      { n: 1, id: 'auth', title: 'Verify permissions and authentication', text: 'List the roles/scopes the credential carries.', tip: { who: 'Kong', text: 'Check the consumer\'s ACL groups.' } },
      { n: 2, id: 'server', title: 'Review server configuration', text: 'Check the resource ACL.', tip: null },
    ]);
    expect(checklistRows({ ...kong, producer: null })[0]!.tip).toBeNull();
  });

  it('reads without a producer, and keeps acronyms in cause phrases', () => {
    expect(headline({ ...kong, producer: null, cause: 'rate-limited' })).toBe('Refused by an unidentified layer — rate limited');
    expect(headline({ ...kong, producer: null, cause: 'other' })).toBe('Refused by an unidentified layer — cause not identified');
    expect(headline({ ...kong, blocked: false, cause: 'none' })).toBe('Not a refusal');
    expect(headline({ ...kong, cause: 'waf-or-bot-block' })).toBe('Refused by Kong (gateway) — WAF or bot protection');
    expect(lowerFirst('IP or location blocked')).toBe('IP or location blocked');
    expect(toExplanationView({ ...kong, producer: { id: 'cf', kind: 'cdn-waf', name: 'Cloudflare', namedBy: 'response' } }).producer?.kind).toBe('CDN / WAF');
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
    expect(view.why).toBe(e.reason.text);
    expect(view.why).not.toContain('refused the request with status');
    expect(view.checklist.map((c) => c.title)).toEqual(['Verify permissions and authentication', 'Review server configuration', 'Examine API and gateway settings', 'Error handling and logging']);
    expect(view.alternatives.map((a) => a.cause)).toEqual(e.candidates.slice(1, 4).map((c) => c.cause));
  });
});

describe('reportMarkdown', () => {
  const md = reportMarkdown(kong, { statusText: 'Forbidden', method: 'GET', url: 'https://user:pw@api.example.com/orders?apikey=s3cret#x' });

  it('summarises status, producer, cause, evidence, fix and checklist', () => {
    expect(md.startsWith('# 403 Forbidden — Refused by Kong (gateway) — insufficient permissions\n')).toBe(true);
    expect(md).toContain('- **Request:** `GET https://api.example.com/orders`');
    expect(md).toContain('- **Producer:** Kong (gateway)\n');
    expect(reportMarkdown({ ...kong, producer: { ...kong.producer!, namedBy: 'host' } }, { statusText: 'Forbidden', method: 'GET', url: 'https://api.example.com/' }))
      .toContain("- **Producer:** Kong (gateway; named by the request's host)");
    expect(md).toContain('- **Relayed by:** Cloudflare');
    expect(md).toContain('- **Cause:** Insufficient permissions (`insufficient-permissions`), confidence 86%');
    expect(md).toContain('- **Also plausible:** Invalid credentials (30%), IP or location blocked (20%), Refused (unclassified) (15%)');
    expect(md).toContain('- Header `server: kong/3.6.1`');
    expect(md).toContain('- Body contains `You cannot consume this service`');
    expect(md).toContain('## Fix\n\nUse a consumer in an allowed ACL group.');
    expect(md).toContain('## Other plausible causes\n\n- **Invalid credentials** (30%): The key is not known. Fix: Check the key.');
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
