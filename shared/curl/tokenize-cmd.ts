// Splits a Windows cmd.exe command line as Chrome's "Copy as cURL (cmd)" writes it:
// `^` escapes (and `^`-newline continuations) for cmd, then `"…"` quoting with `\"` and `\\`.
import { CurlParseError } from './errors';
import type { Tokenized, Word } from './tokenize';

/** Chrome's cmd output quotes every word as ^"…^" and ends continued lines with ` ^`. */
export function looksLikeCmd(command: string): boolean {
  return /^\s*\S*curl(?:\.exe)?\s+\^"/i.test(command) || /\s\^\r?\n/.test(command);
}

/** Removes cmd.exe's caret escapes; returns the text and each character's index in the input. */
function uncaret(input: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c !== '^') {
      text += c;
      at.push(i);
    } else if (input[i + 1] === '\r' && input[i + 2] === '\n') i += 2;
    else if (input[i + 1] === '\n') i += 1;
    else if (i + 1 < input.length) {
      text += input[i + 1];
      at.push(i + 1);
      i++;
    }
  }
  return { text, at };
}

export function tokenizeCmd(input: string): Tokenized {
  const { text, at } = uncaret(input);
  const words: Word[] = [];
  let cur = '';
  let inWord = false;
  let bare = true;
  let quoteAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoteAt < 0 && /\s/.test(c)) {
      if (inWord) words.push({ value: cur, bare });
      cur = '';
      inWord = false;
      bare = true;
    } else if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      cur += text[++i];
      inWord = true;
      bare = false;
    } else if (c === '"') {
      quoteAt = quoteAt < 0 ? i : -1;
      inWord = true;
      bare = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (quoteAt >= 0) {
    const index = at[quoteAt]!;
    const before = input.slice(0, index);
    const column = index - (before.lastIndexOf('\n') + 1) + 1;
    const where = input.includes('\n') ? `column ${column} of line ${before.split('\n').length}` : `column ${column}`;
    throw new CurlParseError(`unterminated quote at ${where}`);
  }
  if (inWord) words.push({ value: cur, bare });
  return { words, warnings: [] };
}
