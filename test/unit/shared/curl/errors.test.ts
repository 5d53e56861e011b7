import { describe, expect, it } from 'vitest';
import { CurlParseError, parseCurl } from '../../../../shared/curl';

function errorOf(cmd: string): CurlParseError {
  try {
    parseCurl(cmd);
  } catch (e) {
    if (e instanceof CurlParseError) return e;
    throw e;
  }
  throw new Error(`no error for ${cmd}`);
}

describe('parseCurl: errors', () => {
  it.each([
    ['curl --foo https://x.test', 'unknown curl option --foo'],
    ['curl -Z https://x.test', 'unknown curl option -Z'],
    ['curl -sZ https://x.test', 'unknown curl option -Z'],
    ['curl --xyz=1 https://x.test', 'unknown curl option --xyz'],
    ['curl https://x.test -H', 'option -H needs a value'],
    ['curl https://x.test --header', 'option --header needs a value'],
    ['curl https://x.test -sX', 'option -X needs a value'],
    ['curl --compressed=yes https://x.test', 'option --compressed does not take a value'],
    ["curl https://x.test -H 'abc", 'unterminated quote at column 24'],
    ['curl https://x.test -d "abc', 'unterminated quote at column 24'],
    ["curl https://x.test -d $'abc", 'unterminated quote at column 24'],
    ["curl https://x.test \\\n  -d 'abc", 'unterminated quote at column 6 of line 2'],
    ['curl -s -H "X: y"', 'no URL in the curl command'],
    ['curl https://a.test https://b.test', 'more than one URL: https://a.test, https://b.test'],
    ['curl https://a.test --url https://b.test', 'more than one URL'],
    ['', 'empty command'],
    ['wget https://x.test', 'not a curl command: it starts with "wget"'],
    ['curl https://x.test -m soon', 'option -m needs a number of seconds, got "soon"'],
    ['curl https://x.test --connect-to a:b', 'invalid --connect-to "a:b": expected HOST1:PORT1:HOST2:PORT2'],
    ['curl https://x.test --connect-to a:99999:b:1', 'invalid port "99999"'],
    ['curl https://x.test --resolve nohost', 'invalid --resolve "nohost"'],
    ['curl https://x.test -F novalue', 'invalid form field "novalue": expected name=content'],
    ['curl https://x.test -F a=1 -d b=2', 'cannot mix -F/--form with -d/--data'],
  ])('%s → %s', (cmd, message) => {
    const e = errorOf(cmd);
    expect(e.code).toBe('invalid-curl');
    expect(e.name).toBe('CurlParseError');
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toContain(message);
  });
});
