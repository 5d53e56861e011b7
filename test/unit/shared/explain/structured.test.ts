import { describe, expect, it } from 'vitest';
import { CAUSES, checklistLine, CHECKLIST_TITLES, explain } from '../../../../shared/explain/index';
import { evidenceOccurs, loadCorpus } from './corpus';

const corpus = loadCorpus();
const NGINX_403 = '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';

describe('the explanation as data', () => {
  it('gives the reason with an id naming where it comes from', () => {
    const slack = explain({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":false,"error":"not_authed"}' });
    expect(slack.reason).toEqual({ id: 'slack-api/missing-credentials', text: 'Slack received no token.' });
    // a 401 that names no reason: a refused credential first (signals/index.ts), a missing one next
    const bare = explain({ status: 401, headers: {}, body: '' });
    expect(bare.reason.id).toBe('status.401/invalid-credentials');
    expect(bare.candidates.map((c) => c.cause).slice(0, 2)).toEqual(['invalid-credentials', 'missing-credentials']);
    const challenge = explain({ status: 401, headers: { 'www-authenticate': 'Basic realm="api"' }, body: '' });
    expect(challenge.cause).toBe('missing-credentials');
    const payment = explain({ status: 402, headers: { 'content-type': 'application/json' }, body: '{"error":{"message":"Payment required: your balance is exhausted"}}' });
    expect(payment.cause).toBe('account-or-plan-restriction');
    const bearer = explain({ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="expired"' }, body: '' });
    expect(bearer.reason.id).toMatch(/^signal\.www-authenticate\//);
    const ok = explain({ status: 200, headers: {}, body: '{"orders":[]}' });
    expect(ok.reason).toEqual({ id: 'not-a-refusal', text: ok.why });
    expect(ok.alternatives).toEqual([]);
  });

  it('gives each other plausible cause its own confidence, reason, evidence and fix', () => {
    const e = explain({ status: 403, headers: { server: 'nginx/1.22.1' }, body: NGINX_403 });
    expect(e.alternatives.map((a) => [a.cause, a.confidence])).toEqual(e.candidates.slice(1).map((c) => [c.cause, c.confidence]));
    const dir = e.alternatives.find((a) => a.cause === 'directory-listing-or-filesystem');
    expect(dir?.reason.id).toBe('nginx/directory-listing-or-filesystem');
    expect(dir!.reason.text).toMatch(/^nginx serves the same 403 page/);
    expect(dir!.why).toBe(dir!.reason.text);
    const other = e.alternatives.find((a) => a.cause === 'other');
    expect(other).toEqual({
      cause: 'other', confidence: other!.confidence, reason: { id: 'status.403/other', text: 'A bare 403 names no reason; it is not necessarily a permission problem.' },
      why: 'A bare 403 names no reason; it is not necessarily a permission problem.', evidence: [{ where: 'status', text: '403' }], fix: CAUSES.other.fix,
    });
    expect(other!.confidence).toBeLessThanOrEqual(0.25);
  });

  it('builds checklist records, and the checklist lines from them', () => {
    const e = explain({ status: 403, headers: { server: 'nginx/1.22.1' }, body: NGINX_403 });
    expect(e.steps.map((s) => [s.step, s.id, s.title])).toEqual([
      [1, 'auth', CHECKLIST_TITLES.auth], [2, 'server', CHECKLIST_TITLES.server], [3, 'gateway', CHECKLIST_TITLES.gateway], [4, 'logging', CHECKLIST_TITLES.logging],
    ]);
    expect(e.steps[1]!.text).toBe(CAUSES[e.cause].checklist.server);
    expect(e.steps[1]!.producerTip).toMatch(/autoindex/);
    expect(e.checklist[1]).toBe(`${CHECKLIST_TITLES.server}: ${e.steps[1]!.text} nginx: ${e.steps[1]!.producerTip}`);
  });

  it.each(corpus.map((fx) => [fx.file, fx] as const))('%s: data and prose agree', (_file, fx) => {
    const e = explain(fx.response);
    expect(e.checklist).toEqual(e.steps.map((s) => checklistLine(s, e.producer?.name ?? null)));
    expect(e.alternatives.map((a) => a.cause)).toEqual(e.candidates.slice(1).map((c) => c.cause));
    for (const a of e.alternatives) for (const ev of a.evidence) expect(evidenceOccurs(fx, ev), `${a.cause}: ${ev.text}`).toBe(true);
    const first = e.reason.text.charAt(0);
    expect(first === first.toUpperCase() || e.reason.text.startsWith(e.producer?.name ?? '\u0000'), e.reason.text).toBe(true);
    expect(['.', '!', '?']).toContain(e.reason.text.slice(-1));
    if (e.blocked) expect(e.why).toContain(e.reason.text.slice(1, -1));
  });
});
