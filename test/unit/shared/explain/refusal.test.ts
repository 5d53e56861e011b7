import { describe, expect, it } from 'vitest';
import { explain, isRefusal, isRefusalStatus, mayBeRefusal, REFUSAL_STATUSES } from '../../../../shared/explain/index';
import { loadCorpus } from './corpus';

const SLACK = { status: 200, headers: [['content-type', 'application/json; charset=utf-8']] as Array<[string, string]>, body: '{"ok":false,"error":"not_authed"}' };

describe('the one refusal rule', () => {
  it('lists the refusal statuses once', () => {
    expect([...REFUSAL_STATUSES].sort()).toEqual([401, 403, 407, 429, 451]);
    expect(isRefusalStatus(403)).toBe(true);
    expect(isRefusalStatus(404)).toBe(false);
    expect(isRefusalStatus(null)).toBe(false);
  });

  it('says when the explainer must run: never for 1xx/3xx or binary 2xx media, always for 4xx/5xx', () => {
    expect(mayBeRefusal(302, [])).toBe(false);
    expect(mayBeRefusal(101)).toBe(false);
    expect(mayBeRefusal(200, [['Content-Type', 'image/png']])).toBe(false);
    expect(mayBeRefusal(200, { 'content-type': 'application/octet-stream' })).toBe(false);
    expect(mayBeRefusal(200, SLACK.headers)).toBe(true);
    expect(mayBeRefusal(200, [['content-type', 'text/html']])).toBe(true);
    expect(mayBeRefusal(204)).toBe(true);
    expect(mayBeRefusal(404, [['content-type', 'image/png']])).toBe(true);
    expect(mayBeRefusal(502)).toBe(true);
  });

  it('calls a 200 whose JSON says the call was refused a refusal', () => {
    const e = explain(SLACK);
    expect(isRefusal(SLACK, e)).toBe(true);
    expect(isRefusal(SLACK, null)).toBe(false);
    expect(isRefusal({ status: 403 }, null)).toBe(true);
    expect(isRefusal({ status: null }, null)).toBe(false);
  });

  it('explain() never blocks what mayBeRefusal() rules out, even with refusal words in the body', () => {
    const redirect = { status: 302, headers: [['content-type', 'application/json']] as Array<[string, string]>, body: SLACK.body };
    expect(explain(redirect).blocked).toBe(false);
    const media = { status: 200, headers: [['content-type', 'image/svg+xml']] as Array<[string, string]>, body: '<svg><text>Access denied</text></svg>' };
    expect(explain(media).blocked).toBe(false);
  });

  it.each(loadCorpus().map((fx) => [fx.file, fx] as const))('%s: mayBeRefusal covers every verdict', (_file, fx) => {
    const e = explain(fx.response);
    if (!mayBeRefusal(fx.response.status, fx.response.headers)) expect(e.blocked).toBe(false);
    expect(isRefusal(fx.response, e)).toBe(e.blocked);
  });
});
