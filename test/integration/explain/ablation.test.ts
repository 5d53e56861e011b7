// Ablation: every corpus response (not the frozen held-out set) explained four ways — as captured,
// with its headers cut to `content-type`, with no headers — to see which producers survive on
// their body alone (issue 11, "Body only") — and with its body cut, to see how far the layer's
// priors carry the cause when only the status and headers speak. Scores are floors: a change that lowers one fails here.
// The list printed at the end names the responses whose producer is lost without headers although
// the body is distinctive (a vendor's error envelope, code vocabulary, docs URL, block-page shape).
import { describe, expect, it } from 'vitest';
import { explain } from '../../../shared/explain/index';
import type { ExplainInput } from '../../../shared/explain/index';
import { htmlToText, looksLikeHtml } from '../../../shared/explain/html-text';
import { loadCorpus } from '../../unit/shared/explain/corpus';
import type { Fixture } from '../../unit/shared/explain/corpus';

type Mode = 'captured' | 'content-type only' | 'no headers' | 'body cut';
const MODES: Mode[] = ['captured', 'content-type only', 'no headers', 'body cut'];

function pairs(h: ExplainInput['headers']): Array<[string, string]> {
  if (Array.isArray(h)) return h.map(([k, v]) => [k, String(v)]);
  return Object.entries(h ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, String(x)] as [string, string]) : v == null ? [] : [[k, String(v)] as [string, string]]));
}

export function ablate(r: ExplainInput, mode: Mode): ExplainInput {
  if (mode === 'captured') return r;
  if (mode === 'no headers') return { ...r, headers: {} };
  if (mode === 'body cut') return { ...r, body: '' };
  return { ...r, headers: pairs(r.headers).filter(([k]) => k.toLowerCase() === 'content-type') };
}

/**
 * A body that names its writer without help from headers: a structured error envelope (JSON with
 * a code/type/reason field or nested error object, an XML <Error>/<Code>), a documentation or
 * support URL, or an HTML page with a title and some visible text of its own.
 */
export function distinctiveBody(body: string): boolean {
  const b = body.trim();
  if (!b) return false;
  if (/https?:\/\/[\w.-]+\.[a-z]{2,}/i.test(b)) return true;
  if (/^[{[]/.test(b)) {
    return /"(code|error_code|errorCode|type|__type|reason|status|error)"\s*:\s*("[A-Za-z_.:#-]{3,}"|\{|\d{3,})/.test(b);
  }
  if (/<(\?xml|Error\b|Code\b)/.test(b)) return /<Code>|<Error/i.test(b);
  if (looksLikeHtml(b, undefined)) return /<title>[^<]{3,}<\/title>/i.test(b) && htmlToText(b).length > 60;
  return false;
}

interface Score { producer: number; cause: number; top3: number; n: number; }

/** A header beyond the body's framing: with the body cut, only these can name the layer. */
const hasLayerHeaders = (fx: Fixture): boolean => pairs(fx.response.headers).some(([k]) => !/^content-(type|length)$/i.test(k));

/** With the body cut, does the rest still name the expected writer? Only then can its priors be judged. */
const layerSurvives = (fx: Fixture): boolean => hasLayerHeaders(fx) && (explain(ablate(fx.response, 'body cut')).producer?.id ?? null) === fx.expect.producer;

function score(all: Fixture[], mode: Mode): { s: Score; lost: Fixture[] } {
  // the body-cut mode judges the layer priors: it scores the responses whose headers still name their writer
  const corpus = mode === 'body cut' ? all.filter(layerSurvives) : all;
  let producer = 0;
  let cause = 0;
  let top3 = 0;
  const lost: Fixture[] = [];
  for (const fx of corpus) {
    const got = explain(ablate(fx.response, mode));
    if ((got.producer?.id ?? null) === fx.expect.producer) producer++;
    else lost.push(fx);
    if (got.cause === fx.expect.cause) cause++;
    if (mode === 'body cut' && process.env.ABLATION_MISSES) console.log(`BODYCUT-SET ${fx.file}`);
    // ABLATION_MISSES=1 prints each body-cut cause miss (file, expected cause, answer) to tell new fixtures from regressions
    if (mode === 'body cut' && process.env.ABLATION_MISSES && got.cause !== fx.expect.cause) console.log(`BODYCUT-MISS ${fx.file} want ${fx.expect.cause} got ${got.cause}`);
    if (got.candidates.slice(0, 3).some((c) => c.cause === fx.expect.cause)) top3++;
  }
  return { s: { producer, cause, top3, n: corpus.length }, lost };
}

const pct = (n: number, d: number): number => Math.round((1000 * n) / d) / 10;

/** Today's scores (percent): a change may raise them (then raise these), never lower them. */
const FLOOR: Record<Mode, { producer: number; cause: number; top3: number }> = {
  captured: { producer: 100, cause: 100, top3: 100 },
  // round 3 added two responses that only their headers name (InfluxDB's X-Platform-Error-Code over a bare
  // {"code":"unauthorized"}, Pinecone's WWW-Authenticate over an empty body): 94 -> 93.8, back to 94 by its end
  // round 4 (2026-12-07, both tuners: 918 responses) reached 94.8 / 96.8 / 98.4; the floors keep a little room
  // for fixtures still being added
  // round 8 (generic words and error codes, 1,932 responses): 97.2 / 98.8 / 99.3
  'content-type only': { producer: 97, cause: 98.5, top3: 99 },
  'no headers': { producer: 97, cause: 98.5, top3: 99 },
  // 64.9/84.9: two fixtures joined the body-cut set (Google's token endpoint 400 with its headers: without its
  // body nothing says refusal); none of the 277 before changed its answer. The body-only sweep of 2026-12-07
  // brought the set to 287 (65.2/85). Round 3 (2026-12-07): SendGrid's 401 (X-No-CORS-Reason) joined and cost 0.3
  // (without the body a 401 reads as missing credentials first), InfluxDB's and Pinecone's then brought 290 to 65.2/85.2
  // round 4: 298-299 responses at 65.9-66.1 / 85.3-85.6
  // round 8: 322 responses at 68.3 / 85.7
  // round 10 (343 responses: the new producers' fixtures with layer headers joined): 67.9 / 85.7. Four of the new ones
  // miss with the body cut and no generic rule can read them: Jiasule's 521 JS challenge (a 521 is no refusal status and
  // its cookie alone says nothing of a block), SAP Gateway's CSRF refusal (its x-csrf-token header is not among the
  // captured ones), ServiceNow's 401 with a Basic realm (a challenge reads as "no credential" without the body).
  // The 333 of them already in the corpus at 047c63e score 68.2 (no regression): the floor is the measured value less
  // 0.3, lowered this once because the set's composition changed
  // round 11 (351 responses: eight new fixtures with layer headers joined, four miss with the body cut): 67.5 / 85.5. With the
  // body gone no word can speak: Layer7's 500 (only L7-Policy-URL says which gateway, nothing says refusal), Imgur's 400 geo block,
  // Tengine's bare 403 (a web server's prior is a directory first) and a Play CSRF refusal behind nginx. The 343 of the old set
  // score as before (233/343, 67.9): the floor is the measured value, lowered this once because the set's composition changed
  'body cut': { producer: 100, cause: 67.5, top3: 85.5 },
};

describe('explain ablation: headers as captured, content-type only, none', () => {
  const corpus = loadCorpus().filter((fx) => !fx.file.startsWith('frozen/'));
  const results = Object.fromEntries(MODES.map((m) => [m, score(corpus, m)])) as Record<Mode, ReturnType<typeof score>>;

  it('prints producer and cause accuracy for each ablation', () => {
    const lines = MODES.map((m) => {
      const { s } = results[m];
      return `${m.padEnd(18)} producer ${pct(s.producer, s.n)}% (${s.producer}/${s.n})  cause ${pct(s.cause, s.n)}% (${s.cause}/${s.n})  top three ${pct(s.top3, s.n)}%`;
    });
    console.log(`explain ablation on ${corpus.length} responses (frozen/ excluded; body cut: the ${results['body cut'].s.n} whose headers name their writer)\n${lines.join('\n')}`);
    expect(corpus.length).toBeGreaterThan(400);
  });

  it.each(MODES)('does not fall below the recorded floor: %s', (m) => {
    const { s } = results[m];
    expect(pct(s.producer, s.n)).toBeGreaterThanOrEqual(FLOOR[m].producer);
    expect(pct(s.cause, s.n)).toBeGreaterThanOrEqual(FLOOR[m].cause);
    expect(pct(s.top3, s.n)).toBeGreaterThanOrEqual(FLOOR[m].top3);
  });

  it('lists responses whose producer is lost without headers although the body is distinctive', () => {
    const capturedOk = new Set(corpus.filter((fx) => !results.captured.lost.includes(fx)).map((fx) => fx.file));
    const lost = results['no headers'].lost.filter((fx) => fx.expect.producer && capturedOk.has(fx.file) && distinctiveBody(fx.response.body ?? ''));
    const byProducer = new Map<string, string[]>();
    for (const fx of lost) byProducer.set(fx.expect.producer as string, [...(byProducer.get(fx.expect.producer as string) ?? []), fx.file]);
    const rows = [...byProducer.entries()].sort((a, b) => b[1].length - a[1].length).map(([p, files]) => `${String(files.length).padStart(3)}  ${p}: ${files.join(', ')}`);
    console.log(`producer lost without headers, distinctive body (${lost.length}):\n${rows.join('\n')}`);
    expect(lost.length).toBeLessThanOrEqual(LOST_CEILING);
  });
});

/** Today's count of distinctive bodies whose producer is lost without headers: it may only shrink. */
const LOST_CEILING = 11;
