// The JSON paths `expect.json` is written with: a small, exact subset of JSONPath. `data.items[0].id`,
// with an optional leading `$` or `$.`, and `["odd.key"]` / `['odd key']` for names with dots,
// brackets or spaces. No wildcards or filters: one path names one value, so equals/exists mean one
// thing. Kept here (no Node) so the request-file schema can reject a path that does not parse.

export type PathStep = string | number;

/** The steps of a path, or the reason it does not parse. */
export function parseJsonPath(path: string): { steps: PathStep[] } | { error: string } {
  const s = path.trim();
  const steps: PathStep[] = [];
  let i = s.startsWith('$') ? 1 : 0;
  // Without `$`, the path starts with a bare name (or a bracket).
  let bare = i === 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '[') {
      const step = bracket(s, i);
      if ('error' in step) return step;
      steps.push(step.value);
      i = step.next;
    } else if (c === '.' || bare) {
      if (c === '.') i++;
      let end = i;
      while (end < s.length && s[end] !== '.' && s[end] !== '[') end++;
      if (end === i) return { error: `an empty name at position ${i + 1} of "${path}"` };
      steps.push(s.slice(i, end));
      i = end;
    } else {
      return { error: `unexpected "${c}" at position ${i + 1} of "${path}" (write a.b[0].c)` };
    }
    bare = false;
  }
  if (steps.length === 0 && !s.startsWith('$')) return { error: 'an empty path (write a.b[0].c, or $ for the whole body)' };
  return { steps };
}

/** `[0]`, `["name"]` or `['name']` starting at `s[at]`; a backslash escapes the next character in a quoted name. */
function bracket(s: string, at: number): { value: PathStep; next: number } | { error: string } {
  const q = s[at + 1];
  if (q === '"' || q === "'") {
    let name = '';
    let i = at + 2;
    while (i < s.length && s[i] !== q) {
      if (s[i] === '\\' && i + 1 < s.length) i++;
      name += s[i];
      i++;
    }
    if (s[i] !== q || s[i + 1] !== ']') return { error: `an unclosed [${q}…${q}] at position ${at + 1} of "${s}"` };
    return { value: name, next: i + 2 };
  }
  const close = s.indexOf(']', at);
  const index = close < 0 ? '' : s.slice(at + 1, close);
  if (!/^\d+$/.test(index)) return { error: `[${index}] at position ${at + 1} of "${s}" is not an index (write [0], or ["name"] for a name)` };
  return { value: Number(index), next: close + 1 };
}

/** The value at the steps, or found: false when a step is missing (an absent key, an index past the end, a scalar on the way). */
export function readJsonPath(root: unknown, steps: readonly PathStep[]): { found: true; value: unknown } | { found: false } {
  let v: unknown = root;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(v) || step >= v.length) return { found: false };
      v = v[step];
    } else {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, step)) return { found: false };
      v = (v as Record<string, unknown>)[step];
    }
  }
  return { found: true, value: v };
}
