/** `{{name}}` references in a string. Names are trimmed; `{{ $uuid }}` is a dynamic value. */
const REF = /\{\{\s*([^{}]+?)\s*\}\}/g;

export interface TemplatePart {
  /** literal text, or a variable reference */
  kind: 'text' | 'ref';
  value: string;
}

/** Splits a template into literal text and references, in order. */
export function parseTemplate(input: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of input.matchAll(REF)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ kind: 'text', value: input.slice(last, at) });
    parts.push({ kind: 'ref', value: m[1] ?? '' });
    last = at + m[0].length;
  }
  if (last < input.length) parts.push({ kind: 'text', value: input.slice(last) });
  return parts;
}

/** The names referenced by a template, in order of appearance (duplicates kept once). */
export function referencedNames(input: string): string[] {
  return [...new Set(parseTemplate(input).filter((p) => p.kind === 'ref').map((p) => p.value))];
}

export function hasReferences(input: string): boolean {
  return parseTemplate(input).some((p) => p.kind === 'ref');
}
