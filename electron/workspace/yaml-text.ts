import { Composer, LineCounter, Parser, visit, type CST, type Document } from 'yaml';

/**
 * YAML from outside (workspace files, request files, imports) parsed with bounded work: a nesting
 * limit checked on the flat token stream before the (recursive) composer runs, at most MAX_ERRORS
 * syntax errors collected, bounded aliases and a size limit. Deep nesting otherwise exhausts the
 * stack, and V8 aborts the whole process when a regex compiles near the limit; yaml's pretty errors
 * copy the whole line per error (quadratic on one long line), so positions come from a LineCounter.
 */
export const MAX_YAML_DEPTH = 100;
export const MAX_YAML_ERRORS = 20;
export const MAX_YAML_ALIASES = 100;
/** A workspace file holds one request, folder, environment or profile: larger is not one of ours. */
export const MAX_WORKSPACE_FILE = 16 * 1024 * 1024;

export interface YamlProblem { line: number; column: number; message: string }

export type YamlParsed =
  | { ok: true; doc: Document; value: unknown; lines: LineCounter }
  | { ok: false; problem: YamlProblem };

export interface YamlLimits {
  /** bytes; larger text is refused before parsing */
  maxBytes?: number;
  uniqueKeys?: boolean;
}

class TooManyErrors extends Error {}
type OnError = (source: unknown, code: string, message: string, warning?: boolean) => void;

type Item = { key?: CST.Token | null; value?: CST.Token | null; sep?: CST.SourceToken[] };

function children(tok: CST.Token): Array<CST.Token | null | undefined> {
  const t = tok as { value?: unknown; items?: Item[]; key?: unknown };
  const out: Array<CST.Token | null | undefined> = [];
  if (t.value && typeof t.value === 'object') out.push(t.value as CST.Token);
  if (t.key && typeof t.key === 'object') out.push(t.key as CST.Token);
  if (Array.isArray(t.items)) for (const it of t.items) out.push(it.key, it.value);
  return out;
}

interface Scan { deep: number; errors: number; firstError?: { offset: number; message: string } }

/**
 * One walk over the token tree with an explicit stack (no recursion): the first token nested deeper
 * than the limit, and the parser's error tokens (the composer turns each into an error object
 * without passing its hook, so a file of 2 MB of "]" would otherwise build 2 million of them).
 */
function scan(tokens: CST.Token[]): Scan {
  const out: Scan = { deep: -1, errors: 0 };
  const stack: Array<[CST.Token, number]> = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [tok, depth] = stack.pop()!;
    if (depth > MAX_YAML_DEPTH) return { ...out, deep: (tok as { offset?: number }).offset ?? 0 };
    if (tok.type === 'error') {
      out.errors++;
      // The stack pops the last token first: keep the error nearest the start of the file.
      if (!out.firstError || tok.offset < out.firstError.offset) out.firstError = { offset: tok.offset, message: tok.message };
    }
    for (const c of children(tok)) if (c) stack.push([c, depth + 1]);
  }
  return out;
}

function at(lines: LineCounter, offset: number, message: string): { ok: false; problem: YamlProblem } {
  const pos = lines.linePos(offset);
  return { ok: false, problem: { line: pos.line, column: pos.col, message } };
}

/** Where an alias that toJS refused stands: the first alias without an anchor before it, else the first alias. */
function aliasOffset(doc: Document, unresolved: boolean): number {
  let found = -1;
  visit(doc, {
    Alias(_key, node) {
      if (unresolved && node.resolve(doc)) return undefined;
      found = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return Math.max(found, 0);
}

function toValue(doc: Document, lines: LineCounter): YamlParsed {
  try {
    return { ok: true, doc, value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), lines };
  } catch (err) {
    const msg = (err as Error).message;
    if (/Unresolved alias/.test(msg)) {
      const off = aliasOffset(doc, true);
      return at(lines, off, `YAML: alias *${aliasName(doc, off)} has no anchor (&${aliasName(doc, off)}) before it`);
    }
    if (/Excessive alias count/.test(msg)) {
      return at(lines, aliasOffset(doc, false), `YAML: aliases expand to more than ${MAX_YAML_ALIASES} copies (refused as an alias bomb)`);
    }
    throw err;
  }
}

function aliasName(doc: Document, offset: number): string {
  let name = '';
  visit(doc, {
    Alias(_key, node) {
      if ((node.range?.[0] ?? 0) !== offset) return undefined;
      name = node.source;
      return visit.BREAK;
    },
  });
  return name;
}

/** Parses one YAML document; the first problem comes back with its line and column (1-based). */
export function parseYaml(text: string, limits: YamlLimits = {}): YamlParsed {
  const lines = new LineCounter();
  if (limits.maxBytes !== undefined && Buffer.byteLength(text) > limits.maxBytes) {
    const kib = Math.floor(limits.maxBytes / 1024);
    const size = kib >= 1024 ? `${Math.floor(kib / 1024)} MiB` : `${kib} KiB`;
    return at(lines, 0, `file is larger than ${size}, the most a YAML file here may hold`);
  }
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  const found = scan(tokens);
  if (found.deep >= 0) return at(lines, found.deep, `YAML: nested deeper than ${MAX_YAML_DEPTH} levels`);
  if (found.errors >= MAX_YAML_ERRORS && found.firstError) return at(lines, found.firstError.offset, `YAML: ${found.firstError.message}`);
  const composer = new Composer({ uniqueKeys: limits.uniqueKeys ?? true });
  // onError is private in yaml's types but the one place every composer error passes: wrapping it
  // stops the composer after MAX_YAML_ERRORS instead of collecting one error per character.
  const hook = composer as unknown as { onError: OnError };
  const record = hook.onError;
  let count = 0;
  hook.onError = (...args) => {
    record(...args);
    if (!args[3] && ++count >= MAX_YAML_ERRORS) throw new TooManyErrors();
  };
  let doc: Document | undefined;
  try {
    for (const d of composer.compose(tokens, true, text.length)) {
      if (doc) return at(lines, d.range[0], 'YAML: more than one document (--- separates documents)');
      doc = d;
    }
  } catch (err) {
    if (!(err instanceof TooManyErrors)) throw err;
    // The composer stopped mid-way: its first recorded error is the one to report.
    const first = composer.streamInfo().errors[0];
    return at(lines, first?.pos[0] ?? 0, `YAML: ${first?.message.split('\n')[0] ?? 'too many syntax errors'}`);
  }
  const first = doc!.errors[0];
  if (first) return at(lines, first.pos[0], `YAML: ${first.message.split('\n')[0]}`);
  return toValue(doc!, lines);
}
