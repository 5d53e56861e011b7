// Lines up a URL template with its resolved form, so the preview can show which text each
// {{variable}} became (and which ones stayed unresolved).
import { escapeRegex } from '../../../../shared/util/escape-regex';

export type Segment = { kind: 'text'; text: string } | { kind: 'var'; name: string; text: string; resolved: boolean };

const VAR = /\{\{\s*([^{}]+?)\s*\}\}/g;

export function hasVariables(template: string): boolean {
  return /\{\{[^{}]+\}\}/.test(template);
}

export function resolveSegments(template: string, resolved: string, unresolved: ReadonlySet<string>): Segment[] {
  const literals: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const m of template.matchAll(VAR)) {
    literals.push(template.slice(last, m.index));
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  literals.push(template.slice(last));
  if (names.length === 0) return [{ kind: 'text', text: resolved }];
  const re = new RegExp(`^${literals.map(escapeRegex).join('([\\s\\S]*?)')}$`);
  const m = re.exec(resolved);
  if (!m) return [{ kind: 'text', text: resolved }];
  const out: Segment[] = [];
  literals.forEach((lit, i) => {
    if (lit) out.push({ kind: 'text', text: lit });
    const name = names[i];
    if (name !== undefined) {
      const text = m[i + 1] ?? '';
      const missing = unresolved.has(name) || text === '' || /^\{\{.*\}\}$/.test(text);
      out.push({ kind: 'var', name, text: missing ? `{{${name}}}` : text, resolved: !missing });
    }
  });
  return out;
}
