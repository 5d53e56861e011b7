// Fuzzing the curl parser (random words and mutated real commands: only CurlParseError) and the
// exporters' round trip: a request exported as curl (ours and the curl snippet) parses back, and
// one exported as Postman imports back, with the same method, URL and headers.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCurl } from '../../electron/exporters/curl';
import { exportPostman } from '../../electron/exporters/postman';
import { exportSnippet } from '../../electron/exporters/snippet';
import { importPostmanDocument } from '../../electron/importers/postman';
import { CurlParseError, parseCurl } from '../../shared/curl';
import type { Collection } from '../../shared/model/collection';
import { RequestFileSchema, type RequestFile } from '../../shared/model/workspace';
import { expectUserError, fuzz, mutatedText, nasty, type Outcome, timeLimit } from './support';

const FIX = join(__dirname, '..', 'fixtures', 'imports', 'curl', 'requests.sh');

function parseOrRefuse(text: string): Outcome {
  try {
    parseCurl(text);
    return 'ok';
  } catch (err) {
    return expectUserError(err, [CurlParseError]);
  }
}

describe('the curl parser fails only with CurlParseError', () => {
  it('on random words and flags', async () => {
    const FLAGS = ['-X', '-H', '-d', '--data-raw', '--data-binary', '-u', '-x', '-F', '--url', '-G', '-b', '-e', '-A', '--json', '-K', '--', '-'];
    const word = fc.oneof(fc.constantFrom(...FLAGS), nasty, fc.webUrl(), fc.constantFrom('"', "'", '\\', '^', '`', '$\'\\x41\'', '&&', '|'));
    const cmd = fc.array(word, { maxLength: 25 }).map((w) => ['curl', ...w].join(' '));
    await fuzz('curl parser (random words)', fc.oneof(cmd, fc.string({ maxLength: 200 })), parseOrRefuse, 2000);
  }, timeLimit(120_000));

  it('on mutated real commands', async () => {
    const commands = (await readFile(FIX, 'utf8')).split(/\n(?=curl)/).filter((c) => c.startsWith('curl'));
    expect(commands.length).toBeGreaterThan(1);
    const arb = fc.constantFrom(...commands).chain((c) => mutatedText(c));
    await fuzz('curl parser (mutated)', arb, parseOrRefuse, 1500);
  }, timeLimit(120_000));
});

// Names that look like credentials are left out: an import turns their values into {{secret}} variables, by design.
const CREDENTIAL = /passw|secret|token|key|credential|auth|session|cookie|sig|access/i;
const TOKEN = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/).filter((n) => !CREDENTIAL.test(n));
// Header values as the engine accepts them: printable Latin-1 and tabs, no leading or trailing space.
// (NBSP at either end is left out: the parser trims it like a space, see the README's findings.)
const VALUE = fc.stringMatching(/^[\x21-\x7e\xa1-\xff]([\x20-\x7e\xa0-\xff\t]{0,30}[\x21-\x7e\xa1-\xff])?$/);
const METHOD = fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), fc.stringMatching(/^[A-Z]{1,10}$/));
const request: fc.Arbitrary<RequestFile> = fc.record({
  method: METHOD,
  url: fc.webUrl({ withQueryParameters: true, withFragments: false }),
  headers: fc.uniqueArray(fc.record({ name: TOKEN.filter((n) => !/^(content-length|host|cookie|user-agent|referer|accept-encoding)$/i.test(n)), value: VALUE }),
    { maxLength: 5, selector: (h) => h.name.toLowerCase() }),
  params: fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }).filter((n) => !CREDENTIAL.test(n)), value: fc.string({ maxLength: 8 }) }), { maxLength: 3 }),
}).map((r) => RequestFileSchema.parse({ name: 'fuzzed', ...r }));

const collectionOf = (r: RequestFile): Collection => ({ name: 'W', environments: [], items: [{ type: 'request', request: r }] });
// The engine encodes params with encodeURIComponent, the curl export also encodes ! ' ( ) *: the same to a server.
// An empty pair (`a=1&&b=2`, the engine appending to a URL that ends in `&`) carries nothing.
const normal = (url: string) => new URL(url).href.replace(/&&+/g, '&').replace(/%(21|27|28|29|2A)/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const headerMap = (hs: ReadonlyArray<{ name: string; value: string; enabled?: boolean }> | undefined) =>
  Object.fromEntries((hs ?? []).filter((h) => h.enabled !== false).map((h) => [h.name.toLowerCase(), h.value]));

/** The URL a request sends to: its URL with the enabled params appended (as the engine builds it). */
function sentUrl(r: { url: string; params?: ReadonlyArray<{ name: string; value: string; enabled?: boolean }> }): string {
  const u = new URL(r.url);
  const q = (r.params ?? []).filter((p) => p.enabled !== false).map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(p.value)}`);
  return normal(q.length ? `${u.origin}${u.pathname}${u.search ? `${u.search}&` : '?'}${q.join('&')}` : u.href);
}

const sameUrl = (a: string, b: string, why: string) => expect(a, why).toBe(b);
/**
 * httpsnippet rebuilds the query (a bare `x` becomes `x=`, `%2F` becomes `/`): the snippet keeps
 * the origin, path and each parameter's decoded name and value.
 */
function sameQuery(a: string, b: string, why: string): void {
  const [ua, ub] = [new URL(a), new URL(b)];
  expect(ua.origin + ua.pathname, why).toBe(ub.origin + ub.pathname);
  expect([...ua.searchParams].sort(), why).toEqual([...ub.searchParams].sort());
}

describe('export → import keeps method, URL and headers', () => {
  it('curl export and the curl snippet parse back', async () => {
    await fuzz('export curl/snippet → parse', request, async (r) => {
      for (const [text, same] of [[(await exportCurl(collectionOf(r))).text, sameUrl], [(await exportSnippet(collectionOf(r), 'curl')).text, sameQuery]] as const) {
        const back = parseCurl(text.trim()).request;
        expect(back.method, text).toBe(r.method);
        same(sentUrl(back), sentUrl(r), text);
        expect(headerMap(back.headers), text).toMatchObject(headerMap(r.headers));
      }
      return 'ok' as const;
    }, 300);
  }, timeLimit(120_000));

  it('Postman export imports back', async () => {
    // A literal `/:name` segment is a path variable in Postman, whoever wrote it: left out (see the README).
    const plain = request.filter((r) => !new URL(r.url).pathname.includes('/:'));
    await fuzz('export postman → import', plain, async (r) => {
      const { json } = await exportPostman(collectionOf(r));
      const out = importPostmanDocument('export.json', JSON.parse(JSON.stringify(json)), { secrets: 'drop' });
      const item = out.collection.items[0];
      if (item?.type !== 'request') throw new Error('no request imported');
      const back = item.request;
      expect(back.method).toBe(r.method);
      // Postman's query list cannot say `x` from `x=`: compared by decoded name and value.
      sameQuery(sentUrl(back), sentUrl(r), JSON.stringify(json));
      expect(headerMap(back.headers)).toEqual(headerMap(r.headers));
      return 'ok' as const;
    }, 300);
  }, timeLimit(120_000));
});
