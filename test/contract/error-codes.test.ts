import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../../electron/cli/exit-codes';
import { ERROR_CODES, errorCategory, ErrorCodeSchema, exitCodeFor, isErrorCode } from '../../shared/errors/codes';
import { SendErrorCodeSchema } from '../../shared/model/send-error';

function sources(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') ? [{ file: p, text: readFileSync(p, 'utf8') }] : [];
  });
}

const ELECTRON = sources(join(process.cwd(), 'electron'));

/**
 * Functions and classes that take an error code as their first argument: the two error classes,
 * and any helper declared `function name(code: …)` (workspaceError, historyError…), found anew on
 * every run so a new helper cannot slip past.
 */
function codeTakers(): string[] {
  const found = new Set(['SendFailure', 'RunInputError', 'sendError']);
  for (const { text } of ELECTRON) for (const m of text.matchAll(/function (\w+)\(\s*code: /g)) found.add(m[1]!);
  return [...found];
}

/** Every literal code in electron/: `code: 'x'` in an error object, or the first argument of a code taker. */
function thrownCodes(): Map<string, string> {
  const takers = codeTakers().join('|');
  const patterns = [/\bcode: '([a-z][a-z0-9-]*)'/g, new RegExp(`\\b(?:${takers})\\(\\s*'([a-z][a-z0-9-]*)'`, 'g')];
  const codes = new Map<string, string>();
  for (const { file, text } of ELECTRON) {
    for (const re of patterns) for (const m of text.matchAll(re)) if (!codes.has(m[1]!)) codes.set(m[1]!, file);
  }
  return codes;
}

describe('error codes', () => {
  it('finds the codes the backend throws (the grep itself works)', () => {
    const codes = thrownCodes();
    expect(codeTakers()).toEqual(expect.arrayContaining(['workspaceError', 'SendFailure']));
    for (const c of ['not-a-workspace', 'unknown-environment', 'key-host-mismatch', 'invalid-url', 'forbidden-path', 'internal']) expect(codes.has(c), c).toBe(true);
  });

  it('has every code thrown in electron/ in the enum', () => {
    const missing = [...thrownCodes()].filter(([code]) => !isErrorCode(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('holds every send failure, each a failure (exit 1)', () => {
    for (const c of SendErrorCodeSchema.options) {
      expect(ErrorCodeSchema.safeParse(c).success, c).toBe(true);
      expect(exitCodeFor(c), c).toBe(EXIT_FAILURE);
    }
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('documents every code, in the README row of its category', () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    const row = (exit: number) => readme.split('\n').find((l) => l.includes(`| **${exit}** |`)) ?? '';
    for (const c of ERROR_CODES) expect(row(exitCodeFor(c)), c).toContain(`\`${c}\``);
  });

  it('maps input mistakes to exit 2 and failures of the work to exit 1', () => {
    for (const c of ['invalid-arguments', 'unresolved-variable', 'unknown-environment', 'unknown-profile', 'invalid-profile', 'broken-file', 'not-found', 'not-a-request', 'not-a-workspace', 'forbidden-path']) {
      expect(errorCategory(c), c).toBe('usage');
      expect(exitCodeFor(c), c).toBe(EXIT_USAGE);
    }
    for (const c of ['connection-refused', 'key-secret-missing', 'keychain-unavailable', 'conflict', 'internal']) expect(exitCodeFor(c), c).toBe(EXIT_FAILURE);
    // a code this build does not know is never blamed on the user
    expect(isErrorCode('from-a-newer-backend')).toBe(false);
    expect(exitCodeFor('from-a-newer-backend')).toBe(EXIT_FAILURE);
    expect(EXIT_OK).toBe(0);
  });
});
