// The JSON body's check and Format: {{variables}} count as values and survive formatting.
import { describe, expect, it } from 'vitest';
import { checkJson, formatJson } from '../../../renderer/src/features/request-editor/json-check';

describe('checkJson', () => {
  it('accepts JSON and templates with bare {{variables}}', () => {
    expect(checkJson('{"a": 1}')).toEqual({ ok: true });
    expect(checkJson('{"id": {{id}}, "name": "{{name}}", "tags": [{{t1}}, 2]}')).toEqual({ ok: true });
    expect(checkJson('')).toEqual({ ok: true });
  });
  it('says where a body breaks, in the user\'s own lines and columns', () => {
    const r = checkJson('{\n  "a": 1,\n  "b": oops\n}');
    expect(r).toMatchObject({ ok: false, line: 3, column: 8 });
  });
});

describe('formatJson', () => {
  it('pretty-prints and keeps {{variables}} exactly', () => {
    expect(formatJson('{"id":{{ id }},"s":"{{name}}","n":[1,{{x}}]}')).toBe('{\n  "id": {{ id }},\n  "s": "{{name}}",\n  "n": [\n    1,\n    {{x}}\n  ]\n}');
  });
  it('leaves a body that does not parse alone', () => {
    expect(formatJson('{"a":')).toBeNull();
  });
});
