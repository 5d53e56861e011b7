// YAML from outside is parsed with bounded work (issue 14): deep nesting, many syntax errors,
// aliases without anchors and alias bombs each end in one problem with its line, never a crash.
import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, parseYaml } from '../../../electron/workspace/yaml-text';

const problem = (text: string, maxBytes?: number) => {
  const r = parseYaml(text, maxBytes === undefined ? {} : { maxBytes });
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
};

describe('parseYaml', () => {
  it('refuses nesting deeper than the limit before composing (2,000 "[" and 5,000 "- ")', () => {
    expect(problem(`a: ${'['.repeat(2000)}`)).toMatchObject({ line: 1, message: `YAML: nested deeper than ${MAX_YAML_DEPTH} levels` });
    expect(problem(`${'- '.repeat(5000)}x`).message).toMatch(/nested deeper than/);
    expect(parseYaml(`a: ${'['.repeat(50)}1${']'.repeat(50)}`).ok).toBe(true);
  });

  it('stops at the first errors of a file made of syntax errors (2 MB of "]" on one line)', () => {
    expect(problem(']'.repeat(2_000_000))).toEqual({ line: 1, column: 1, message: 'YAML: Unexpected flow-seq-end token in YAML document' });
    expect(problem('&a '.repeat(200_000)).message).toMatch(/at most one anchor/);
  }, 60_000);

  it('names an alias without an anchor with its line and column', () => {
    expect(problem('method: GET\nname: *nope\n')).toEqual({ line: 2, column: 7, message: 'YAML: alias *nope has no anchor (&nope) before it' });
  });

  it('refuses an alias bomb with the line of its first alias', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]'].join('\n');
    expect(problem(bomb)).toMatchObject({ line: 2, message: expect.stringMatching(/alias bomb/) });
  });

  it('keeps ordinary aliases, and refuses a file over the size given', () => {
    const r = parseYaml('base: &b {x: 1}\ncopy: *b\n');
    expect(r.ok && r.value).toEqual({ base: { x: 1 }, copy: { x: 1 } });
    expect(problem('a: 1\n'.repeat(1000), 1024).message).toMatch(/larger than/);
  });
});
