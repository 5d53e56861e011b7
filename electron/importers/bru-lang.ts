// A parser for Bruno's .bru files (the documented subset): named blocks of `key: value` lines,
// indented text blocks (bodies, docs, scripts), and `[ a, b ]` lists (vars:secret).

import { trimChars } from '../../shared/util/trim';

export class BruSyntaxError extends Error {}

export type BruBlock =
  | { kind: 'dict'; name: string; line: number; entries: Array<{ key: string; value: string; enabled: boolean }> }
  | { kind: 'text'; name: string; line: number; text: string }
  | { kind: 'list'; name: string; line: number; items: string[] };

const TEXT_BLOCK = /^(body(:(json|text|xml|sparql|graphql|graphql:vars))?|script:.*|tests|docs)$/;
const OPEN = /^([A-Za-z][\w:-]*)\s*([{[])\s*$/;

function dictEntry(line: string, lineNo: number, block: string): { key: string; value: string; enabled: boolean } {
  const t = line.trim();
  const colon = t.indexOf(':');
  if (colon <= 0) throw new BruSyntaxError(`line ${lineNo}: expected 'name: value' in block '${block}', found '${t.slice(0, 60)}'`);
  let key = t.slice(0, colon).trim();
  const enabled = !key.startsWith('~');
  if (!enabled) key = key.slice(1);
  if (key.startsWith('"') && key.endsWith('"') && key.length > 1) key = key.slice(1, -1);
  return { key, value: t.slice(colon + 1).trim(), enabled };
}

function dedent(lines: string[]): string {
  return trimChars(lines.map((l) => (l.startsWith('  ') ? l.slice(2) : l.replace(/^\s+$/, ''))).join('\n'), '\n');
}

export function parseBru(text: string): BruBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: BruBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const open = OPEN.exec(line.trim());
    if (!open || /^\s/.test(line)) throw new BruSyntaxError(`line ${i + 1}: expected a block such as 'meta {', found '${line.trim().slice(0, 60)}'`);
    const [, name, bracket] = open as unknown as [string, string, string];
    const close = bracket === '{' ? '}' : ']';
    const start = i + 1;
    const body: string[] = [];
    i++;
    while (i < lines.length && lines[i]!.trimEnd() !== close) {
      if (OPEN.test(lines[i]!) && !/^\s/.test(lines[i]!)) {
        throw new BruSyntaxError(`line ${start}: block '${name}' is never closed (line ${i + 1} starts block '${lines[i]!.trim()}' first)`);
      }
      body.push(lines[i++]!);
    }
    if (i >= lines.length) throw new BruSyntaxError(`line ${start}: block '${name}' is never closed (no '${close}' line)`);
    i++;
    if (bracket === '[') {
      blocks.push({ kind: 'list', name, line: start, items: body.join('\n').split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== '') });
    } else if (TEXT_BLOCK.test(name)) {
      blocks.push({ kind: 'text', name, line: start, text: dedent(body) });
    } else {
      const entries = body.map((l, k) => ({ l, n: start + k + 1 })).filter(({ l }) => l.trim() !== '' && !l.trim().startsWith('#'))
        .map(({ l, n }) => dictEntry(l, n, name));
      blocks.push({ kind: 'dict', name, line: start, entries });
    }
  }
  return blocks;
}

export function dict(blocks: BruBlock[], name: string): Array<{ key: string; value: string; enabled: boolean }> {
  const b = blocks.find((x) => x.name === name);
  return b?.kind === 'dict' ? b.entries : [];
}

export function dictValue(blocks: BruBlock[], block: string, key: string): string | undefined {
  return dict(blocks, block).find((e) => e.key === key)?.value;
}

export function textBlock(blocks: BruBlock[], name: string): string | undefined {
  const b = blocks.find((x) => x.name === name);
  return b?.kind === 'text' ? b.text : undefined;
}
