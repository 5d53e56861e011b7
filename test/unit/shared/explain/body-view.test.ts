import { describe, expect, it } from 'vitest';
import { bodyView, embeddedJson, viewSlice } from '../../../../shared/explain/body-view';
import { buildContext } from '../../../../shared/explain/context';

/** Every view character must point at a body character: a slice of the body, never invented text. */
function mapsIntoBody(src: string): void {
  const view = bodyView(src);
  expect(view).not.toBeNull();
  if (!view) return;
  expect(view.map).toHaveLength(view.text.length);
  for (const i of view.map) expect(i >= 0 && i < src.length).toBe(true);
}

describe('body view: envelopes as SDKs and users print them', () => {
  it('reads a Python dict repr as JSON (quotes, None/True/False) and keeps apostrophes inside double-quoted strings', () => {
    const src = "Error code: 400 - {'error': {'message': \"This model's context is full\", 'param': None, 'ok': False, 'retry': True}}";
    const view = bodyView(src);
    expect(view?.text).toBe('Error code: 400 - {"error": {"message": "This model\'s context is full", "param": null, "ok": false, "retry": true}}');
    expect(embeddedJson(view?.text ?? '')).toEqual({ error: { message: "This model's context is full", param: null, ok: false, retry: true } });
    mapsIntoBody(src);
  });

  it('reads Node inspect output (bare keys) and a repr inside a quoted Details string', () => {
    expect(bodyView("errors: [ { domain: 'global', reason: 'forbidden' } ]")?.text).toBe('errors: [ { "domain": "global", "reason": "forbidden" } ]');
    const httpError = 'returned "x". Details: "[{\'reason\': \'insufficientPermissions\'}]">';
    expect(bodyView(httpError)?.text).toContain('[{"reason": "insufficientPermissions"}]');
  });

  it('unescapes JSON nested in a string, at any depth', () => {
    const src = '{"message":"Body {\\\\\\"type\\\\\\":\\\\\\"rate_limited\\\\\\"}"}';
    expect(bodyView(src)?.text).toContain('{"type":"rate_limited"}');
    mapsIntoBody(src);
  });

  it('reads a PHP print_r dump, multi-line and flattened', () => {
    const multi = 'Array\n(\n    [error] => Array\n        (\n            [code] => 403\n            [message] => The "caller" does not have permission\n        )\n\n)\n';
    const flat = 'Array ( [error] => Array ( [code] => 403 [message] => The "caller" does not have permission ) )';
    const expected = { error: { code: 403, message: 'The "caller" does not have permission' } };
    for (const src of [multi, flat]) {
      const view = bodyView(src);
      expect(embeddedJson(view?.text ?? '')).toEqual(expected);
      mapsIntoBody(src);
    }
  });

  it('closes JSON cut short ("…") so what arrived still parses', () => {
    expect(embeddedJson('{"error":{"message":"You exceeded your current quota, please check…')).toEqual({ error: { message: 'You exceeded your current quota, please check' } });
    expect(embeddedJson('{"errors":[{"code":"FORBIDDEN"},')).toEqual({ errors: [{ code: 'FORBIDDEN' }] });
    expect(embeddedJson('no braces here')).toBeUndefined();
  });

  it('maps a view span back to the body text it stands for', () => {
    const src = "{'code': 'invalid_api_key'}";
    const view = bodyView(src);
    if (!view) throw new Error('no view');
    const at = view.text.indexOf('"code": "invalid_api_key"');
    expect(viewSlice(src, view, at, at + '"code": "invalid_api_key"'.length)).toBe("'code': 'invalid_api_key'");
  });

  it('leaves plain JSON, prose and HTML alone', () => {
    expect(bodyView('{"error":"forbidden"}')).toBeNull();
    expect(bodyView("I can't reach the API, it says: forbidden")).toBeNull();
    expect(buildContext({ status: 403, headers: { 'content-type': 'text/html' }, body: "<p>{'a': 'b'}</p>" }).view).toBeNull();
  });
});
