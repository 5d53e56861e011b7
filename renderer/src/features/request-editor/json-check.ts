// JSON body checks that understand {{variables}}: a bare `{{id}}` (a number or object the
// environment fills in) counts as a value, so a template body is valid JSON here as it will be
// once resolved; Format keeps every {{variable}} as written.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type JsonCheck = { ok: true } | { ok: false; message: string; line: number; column: number };

const BARE_VAR = /\{\{\s*[^{}]+?\s*\}\}/g;

/** The body with each {{variable}} outside a string swapped for a quoted token, and the tokens. */
function protect(text: string): { text: string; vars: string[] } {
  const vars: string[] = [];
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    BARE_VAR.lastIndex = i;
    const m = text.startsWith('{{', i) ? BARE_VAR.exec(text) : null;
    if (m && m.index === i) {
      // Same length as the variable so error positions still point into the user's text.
      const token = `"${'_'.repeat(Math.max(0, m[0].length - 2))}"`;
      vars.push(m[0]);
      out += token;
      i += m[0].length - 1;
      continue;
    }
    out += ch;
  }
  return { text: out, vars };
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** jsonc-parser's error codes in words. */
const WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character', InvalidNumberFormat: 'malformed number', PropertyNameExpected: 'a property name (in double quotes) is expected',
  ValueExpected: 'a value is expected', ColonExpected: 'a colon is expected', CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is expected', CloseBracketExpected: 'a closing ] is expected', EndOfFileExpected: 'nothing may follow the value',
  InvalidCommentToken: 'comments are not JSON', UnexpectedEndOfComment: 'comments are not JSON', UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short', InvalidUnicode: 'invalid \\u escape', InvalidEscapeCharacter: 'invalid escape', InvalidCharacter: 'a control character in a string',
};

export function checkJson(text: string): JsonCheck {
  if (text.trim() === '') return { ok: true };
  const errors: ParseError[] = [];
  parse(protect(text).text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const first = errors[0];
  if (!first) return { ok: true };
  const code = printParseErrorCode(first.error);
  const { line, column } = position(text, first.offset);
  return { ok: false, message: WORDS[code] ?? code, line, column };
}

/** Pretty-printed with 2 spaces, {{variables}} kept; null when the body is not valid JSON. */
export function formatJson(text: string): string | null {
  const { text: safe, vars } = protect(text);
  let value: unknown;
  try {
    value = JSON.parse(safe);
  } catch {
    // Format does nothing to a body that does not parse; the check beside it says why.
    return null;
  }
  let out = JSON.stringify(value, null, 2);
  let k = 0;
  out = out.replace(/"_+"/g, (tok) => (k < vars.length && tok.length === vars[k]!.length ? vars[k++]! : tok));
  return out;
}
