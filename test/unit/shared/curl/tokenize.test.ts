import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../shared/curl/tokenize';

const words = (s: string) => tokenize(s).words.map((w) => w.value);

describe('tokenize', () => {
  it('splits on blanks and joins adjacent quoted parts', () => {
    expect(words(`a  'b c'"d"e\t$'f'g`)).toEqual(['a', 'b cde', 'fg']);
  });

  it('keeps single-quoted text literal, including backslashes and newlines', () => {
    expect(words(`'a\\nb\n$x "y"'`)).toEqual(['a\\nb\n$x "y"']);
  });

  it('applies only \\" \\\\ \\$ \\` and backslash-newline inside double quotes', () => {
    expect(words(String.raw`"\" \\ \$ \` \n \x"`)).toEqual(['" \\ $ ` \\n \\x']);
    expect(words('"a\\\nb" "c\\\r\nd"')).toEqual(['ab', 'cd']);
  });

  it('handles unquoted escapes and line continuations (LF and CRLF)', () => {
    expect(words('a\\ b \\\n c \\\r\n d\\\'e')).toEqual(['a b', 'c', 'd\'e']);
    expect(words('ab\\\ncd')).toEqual(['abcd']);
  });

  it('decodes every ANSI-C escape', () => {
    expect(words(String.raw`$'\n\r\t\\\'\"\?\a\b\f\v\e\E'`)).toEqual(['\n\r\t\\\'"?\x07\b\f\v\x1b\x1b']);
    expect(words(String.raw`$'\x41\x4a\u00e9\U0001F600\101\0101\cA\q\x'`)).toEqual(['AJé😀A\b1\x01\\q\\x']);
    expect(words(String.raw`$'\xe6\x97\xa5\xff'`)).toEqual(['日\ufffd']);
  });

  it('treats $"…" as a double-quoted string and skips comments', () => {
    expect(words('$"a b" # comment here\nc#d')).toEqual(['a b', 'c#d']);
  });

  it('warns about shell expansions it does not perform and marks bare words', () => {
    const t = tokenize(`curl "$HOST/x" $TOKEN '$lit' |`);
    expect(t.words.map((w) => [w.value, w.bare])).toEqual([
      ['curl', true], ['$HOST/x', false], ['$TOKEN', true], ['$lit', false], ['|', true],
    ]);
    expect(t.warnings).toEqual([
      'shell expansion $HOST is not performed; kept literally',
      'shell expansion $TOKEN is not performed; kept literally',
    ]);
  });
});
