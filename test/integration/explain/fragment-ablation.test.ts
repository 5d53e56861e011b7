// Fragments (issue 11): users paste part of a refusal, never its headers — the body cut at 160 characters,
// only its message sentence, the JSON printed as a Python dict, a client's log line, an exception's one line. Each corpus refusal whose
// producer is known is explained in each form (test/support/fragments.ts): does its producer's own body
// vocabulary still name it (right), does nothing (null), or does another producer's mark take it (wrong)?
// Scores are floors and `wrong` a ceiling: a change may raise the first and lower the second, never the reverse.
// FRAGMENT_MISSES=1 prints, per expected producer, the fragments it loses.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../shared/explain/index';
import type { ExplainInput } from '../../../shared/explain/index';
import { loadCorpus } from '../../unit/shared/explain/corpus';
import type { Fixture } from '../../unit/shared/explain/corpus';
import { exceptionLine, FRAGMENT_MODES, fragment, logLine, messageOnly, pythonRepr } from '../../support/fragments';
import type { FragmentMode } from '../../support/fragments';

interface Score { n: number; right: number; none: number; wrong: number; cause: number; }
interface Miss { fx: Fixture; got: string | null; }

function score(corpus: Fixture[], mode: FragmentMode): { s: Score; misses: Miss[] } {
  const s: Score = { n: 0, right: 0, none: 0, wrong: 0, cause: 0 };
  const misses: Miss[] = [];
  for (const fx of corpus) {
    const input = fragment(fx.response, mode);
    if (!input) continue;
    s.n++;
    const got = explain(input);
    const id = got.producer?.id ?? null;
    if (id === fx.expect.producer) s.right++;
    else {
      if (id === null) s.none++;
      else s.wrong++;
      misses.push({ fx, got: id });
    }
    if (got.cause === fx.expect.cause) s.cause++;
  }
  return { s, misses };
}

const pct = (n: number, d: number): number => (d ? Math.round((1000 * n) / d) / 10 : 0);

/**
 * Recorded scores (percent of the fragments a mode yields; wrong in fragments). Raise the floors and lower
 * the ceiling when a change improves them.
 */
const FLOOR: Record<FragmentMode, { producer: number; cause: number; wrongMax: number }> = {
  // start, 1,720 refusals: 78.8 / 87.1 / 19 wrong; 66.9 / 83.5 / 18; 95.4 / 99.3 / 0 (417 JSON bodies); 95.3 / 98.4 / 1
  // after the first widening (1,798 refusals): 80.8 / 87.2 / 17; 70.1 / 84.1 / 18; 95.9 / 99.3 / 0; 95.9 / 98.8 / 1
  // third step (1,825; a message with no sentence end is now kept whole, 'e.g.' ends no sentence): 81.6 / 87.5 / 15;
  // 73.1 / 86.2 / 15; 96 / 99.3 / 0; 95.9 / 98.8 / 1
  // fifth step (1,835): 82.6 / 87.5 / 15; 74.3 / 86.7 / 14; 96 / 99.3 / 0; 96 / 98.9 / 1
  // sixth step (1,840): 82.7 / 87.6 / 15; 74.8 / 86.7 / 13; 96 / 99.3 / 0; 96 / 98.9 / 1
  // eighth step (1,842): 83.3 / 87.5 / 15; 75 / 86.7 / 13; 96.2 / 99.3 / 0; 96.2 / 98.9 / 1
  // ninth step (1,842): 83.6 / 87.6 / 15; 75.3 / 86.7 / 13; 96.2 / 99.3 / 0; 96.2 / 98.9 / 1 — the floors keep some room
  // for the fixtures other work adds before its producers recognise their fragments
  // round 10 (OpenAI's copied envelope and insufficient_quota no longer name OpenAI, nor its quota sentence beside
  // another vendor's name; WeCom's numeric hint names WeCom), 2,121: 83.1 / 87.3 / 14 wrong (18 before); 75 / 87.6 / 12 (13);
  // 96.6 / 99.4 / 0 (1); 96.5 / 99.2 / 1 (2)
  // round 11 (registered layers' own codes, SDK classes and sentences cut at their first period), 2,427 refusals (others'
  // new fixtures included): before 83.1 / 87.4 / 14 wrong; 75 / 87.8 / 10; 97 / 99.5 / 0; 96.8 / 99.2 / 1; 69.4 / 83.9 / 8 —
  // after 83.7 / 87.4 / 14; 77.2 / 88.9 / 10; 97 / 99.5 / 0; 96.9 / 99.3 / 1; 71.7 / 84.9 / 8
  'first 160 chars': { producer: 83.4, cause: 87.1, wrongMax: 14 },
  'message only': { producer: 76.9, cause: 88.6, wrongMax: 10 },
  'python repr': { producer: 96.7, cause: 99.2, wrongMax: 0 },
  'log line': { producer: 96.6, cause: 99, wrongMax: 1 },
  // round 10, the fifth mode (an exception's or an issue title's one line: axios / requests summary + the message's first line),
  // 2,037 refusals: before this round's explainer changes 69.3 / 83.6 / 10 wrong, after 69.4 / 83.9 / 9
  'exception line': { producer: 71.4, cause: 84.6, wrongMax: 8 },
};

describe('explain on fragments of refusals (no headers)', () => {
  const corpus = loadCorpus().filter((fx) => !fx.file.startsWith('frozen') && fx.expect.blocked && fx.expect.producer !== null);
  const results = Object.fromEntries(FRAGMENT_MODES.map((m) => [m, score(corpus, m)])) as Record<FragmentMode, ReturnType<typeof score>>;

  it('prints producer right / null / wrong and cause right per fragment mode', () => {
    const lines = FRAGMENT_MODES.map((m) => {
      const { s } = results[m];
      return `${m.padEnd(16)} n ${String(s.n).padStart(4)}  producer ${pct(s.right, s.n)}% (${s.right})  null ${s.none}  wrong ${s.wrong}  cause ${pct(s.cause, s.n)}% (${s.cause})`;
    });
    console.log(`explain on fragments of ${corpus.length} refusals with a known producer\n${lines.join('\n')}`);
    if (process.env.FRAGMENT_MISSES) {
      const by = new Map<string, string[]>();
      for (const m of FRAGMENT_MODES) {
        for (const x of results[m].misses) {
          const p = x.fx.expect.producer as string;
          by.set(p, [...(by.get(p) ?? []), `${m}: ${x.fx.file}${x.got ? ` -> ${x.got}` : ''}`]);
        }
      }
      const rows = [...by.entries()].sort((a, b) => b[1].length - a[1].length).map(([p, l]) => `${String(l.length).padStart(3)} ${p}\n      ${l.join('\n      ')}`);
      console.log(`fragment misses by expected producer:\n${rows.join('\n')}`);
    }
    expect(corpus.length).toBeGreaterThan(400);
  });

  it.each(FRAGMENT_MODES)('does not fall below the recorded floor, nor name more wrong producers: %s', (m) => {
    const { s } = results[m];
    expect(pct(s.right, s.n)).toBeGreaterThanOrEqual(FLOOR[m].producer);
    expect(pct(s.cause, s.n)).toBeGreaterThanOrEqual(FLOOR[m].cause);
    expect(s.wrong).toBeLessThanOrEqual(FLOOR[m].wrongMax);
  });

  // step 3 of the fragment work: a fragment that named a wrong producer, and the narrowed mark that stole it
  it.each([
    // Razorpay's {"error":{"description":"Authentication failed"}} cut to its message: APIcast's own body has status 403
    ['a 401 "Authentication failed" is not 3scale APIcast', { status: 401, headers: {}, body: 'Authentication failed' }, '3scale', undefined],
    // the registry's DENIED envelope cut before ACR's firewall link: its sentence (or an *.azurecr.io host) is ACR's, not any registry's
    ['ACR\'s firewall sentence cut short is not a generic registry', { status: 403, headers: {}, body: 'Error response from daemon: Get "https://myreg.azurecr.io/v2/": denied: {"errors":[{"code":"DENIED","message":"client with IP \'203.0.113.7\' is not allowed access.' }, 'docker-registry', 'azure-container-registry'],
    // docker push's denial quoting IAM with its resource cut: ECR's registry, not any AWS service
    ['ECR\'s docker denial cut before its resource is not a generic AWS service', { status: 403, headers: {}, body: 'denied: User: arn:aws:sts::123456789012:assumed-role/Builder/ci is not authorized to perform: ecr:InitiateLayerUpl' }, 'aws-services', 'aws-ecr'],
    // boto3's line around R2's own SigV2 sentence (its 'Please use SigV4 instead' cut): R2's answer, not S3's
    ['R2\'s SigV2 sentence inside an S3 SDK line is R2', { status: 401, headers: {}, body: 'An error occurred (Unauthorized) when calling the PutObject operation: SigV2 authorization is not supported.' }, 'aws-s3', 'cloudflare-r2'],
  ] as Array<[string, ExplainInput, string, string | undefined]>)('precision: %s', (_name, input, notProducer, producer) => {
    const got = explain(input).producer?.id;
    expect(got).not.toBe(notProducer);
    if (producer) expect(got).toBe(producer);
  });

  it('derives the fragments as clients print them', () => {
    const body = '{"error":{"code":"Forbidden","message":"It\'s not allowed.","retry":false,"n":null}}';
    expect(messageOnly(body)).toBe("It's not allowed.");
    expect(pythonRepr(JSON.parse(body))).toBe(`{'error': {'code': 'Forbidden', 'message': "It's not allowed.", 'retry': False, 'n': None}}`);
    expect(logLine(403, '{"a": "b"}')).toBe('ERROR http: 403 Forbidden: "{\\"a\\":\\"b\\"}"');
    expect(exceptionLine(403, 'Missing scopes.\nSee docs')).toBe('Error: Request failed with status code 403: Missing scopes.');
    expect(exceptionLine(401, 'Bad key')).toBe('requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://host.example/v1/resource: Bad key');
    expect(messageOnly('<html><head><title>403</title></head><body><h1>Forbidden</h1><p>You do not have permission. Go away.</p></body></html>')).toMatch(/^403 Forbidden You do not have permission\.$/);
    const r: ExplainInput = { status: 403, headers: { server: 'x' }, body: 'x'.repeat(300) };
    expect(fragment(r, 'first 160 chars')?.body).toHaveLength(160);
    expect(fragment(r, 'python repr')).toBeUndefined();
  });
});
