// Finds error handlers that drop the error without saying why: `catch {}` blocks and `.catch(…)`,
// `.then(ok, …)` and `.on('error', …)` handlers that are empty, only return a constant, only log to
// the console, or only `continue`/`break`.
// A comment on the line before, on the handler's own lines, or inside it counts as the stated reason.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface SilentCatch {
  file: string;
  line: number;
  code: string;
}

function isConstant(e: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return isConstant(e.expression);
  if (ts.isStringLiteral(e) || ts.isNumericLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return true;
  if (ts.isPrefixUnaryExpression(e)) return isConstant(e.operand);
  if (ts.isVoidExpression(e)) return isConstant(e.expression);
  if (ts.isIdentifier(e)) return e.text === 'undefined';
  if (e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => isConstant(x));
  if (ts.isObjectLiteralExpression(e)) return e.properties.every((p) => ts.isPropertyAssignment(p) && isConstant(p.initializer));
  return false;
}

const isConsoleCall = (s: ts.Statement): boolean => ts.isExpressionStatement(s) && ts.isCallExpression(s.expression)
  && ts.isPropertyAccessExpression(s.expression.expression) && ts.isIdentifier(s.expression.expression.expression)
  && s.expression.expression.expression.text === 'console';

/** Empty, `return <constant>`, `continue`/`break` or console-only: the error goes nowhere a user sees. */
function silentBlock(b: ts.Block): boolean {
  const body = b.statements;
  if (body.length === 0) return true;
  if (body.length === 1 && ts.isReturnStatement(body[0]!)) return !body[0].expression || isConstant(body[0].expression);
  if (body.length === 1 && (ts.isContinueStatement(body[0]!) || ts.isBreakStatement(body[0]!))) return true;
  return body.every(isConsoleCall);
}

function silentHandler(h: ts.Expression): boolean {
  if (!ts.isArrowFunction(h) && !ts.isFunctionExpression(h)) return false;
  return ts.isBlock(h.body) ? silentBlock(h.body) : isConstant(h.body);
}

/** Lines holding a comment: each is trivia around some token (a same-line one trails the token before it). */
function commentLines(sf: ts.SourceFile): Set<number> {
  const lines = new Set<number>();
  const walk = (n: ts.Node): void => {
    const kids = n.getChildren(sf);
    if (kids.length) return kids.forEach(walk);
    const ranges = [...ts.getLeadingCommentRanges(sf.text, n.getFullStart()) ?? [], ...ts.getTrailingCommentRanges(sf.text, n.getEnd()) ?? []];
    for (const r of ranges) {
      for (let l = sf.getLineAndCharacterOfPosition(r.pos).line; l <= sf.getLineAndCharacterOfPosition(r.end).line; l++) lines.add(l);
    }
  };
  walk(sf);
  return lines;
}

/** Handlers in one source text that drop the error with no comment saying why. */
export function findSilentCatches(text: string, file: string): SilentCatch[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = text.split('\n');
  const comments = commentLines(sf);
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const out: SilentCatch[] = [];
  const report = (n: ts.Node) => {
    const from = lineOf(n.getStart(sf));
    for (let l = from - 1; l <= lineOf(n.getEnd()); l++) if (comments.has(l)) return;
    out.push({ file, line: from + 1, code: lines[from]!.trim() });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCatchClause(n) && silentBlock(n.block)) report(n);
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const name = n.expression.name.text;
      const onError = (name === 'on' || name === 'once') && n.arguments[0] && ts.isStringLiteral(n.arguments[0]) && n.arguments[0].text === 'error';
      const handler = name === 'catch' ? n.arguments[0] : name === 'then' || onError ? n.arguments[1] : undefined;
      if (handler && silentHandler(handler)) report(handler);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Every .ts/.tsx/.mjs/.js file under the given folders of `root` (no node_modules, no build output). */
export function sourceFiles(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'out' || name === 'dist') continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(tsx?|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, full));
    }
  };
  for (const f of folders) walk(join(root, f));
  return out.sort();
}
