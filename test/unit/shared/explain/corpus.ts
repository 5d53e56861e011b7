import { CAUSE_IDS, explain } from '../../../../shared/explain/index';
import type { CauseId, ExplainInput, Explanation } from '../../../../shared/explain/index';

declare global {
  interface ImportMeta {
    /** vite's static import of many files (resolved at transform time; no Node builtins here) */
    glob: (pattern: string, options: { eager: true; import: 'default' }) => Record<string, unknown>;
  }
}

/** The corpus, loaded by vite at transform time: path relative to test/fixtures/responses -> parsed JSON. */
const FILES = import.meta.glob('../../../fixtures/responses/**/*.json', { eager: true, import: 'default' });

export interface Fixture {
  file: string;
  source: string;
  note?: string;
  expect: { blocked: boolean; producer: string | null; cause: CauseId };
  response: ExplainInput;
}

/** Held-out sets live in folders named frozen, frozen-2, ...: never tuned on, each scored on its own. */
export type HeldOutSet = 'frozen' | 'frozen-2' | 'frozen-3' | 'frozen-4' | 'frozen-5' | 'frozen-6' | 'frozen-7' | 'frozen-8' | 'frozen-9' | 'frozen-10';

const HELD_OUT_DIR = /fixtures\/responses\/(frozen[^/]*)\//;

/** The held-out set a fixture path belongs to, or null for the tuning corpus. */
function heldOutOf(path: string): string | null {
  return HELD_OUT_DIR.exec(path)?.[1] ?? null;
}

function fixtures(set: HeldOutSet | null): Fixture[] {
  return Object.entries(FILES)
    .filter(([path]) => heldOutOf(path) === set)
    .map(([path, data]) => ({ file: path.replace(/^.*fixtures\/responses\/(frozen[^/]*\/)?/, ''), ...(data as Omit<Fixture, 'file'>) }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The tuning corpus: every fixture outside the held-out folders (frozen, frozen-2, ..., frozen-5, ...), which are scored on their own (test/integration/explain/frozen-heldout*.test.ts). */
export function loadCorpus(): Fixture[] {
  return fixtures(null);
}

/** One held-out set (test/fixtures/responses/<name>/): never tuned on. */
export function loadHeldOut(name: HeldOutSet): Fixture[] {
  return fixtures(name);
}

/** The first frozen held-out set (test/fixtures/responses/frozen/). */
export function loadFrozen(): Fixture[] {
  return loadHeldOut('frozen');
}

/** The second held-out set (test/fixtures/responses/frozen-2/), collected blind after the first was tuned past. */
export function loadFrozen2(): Fixture[] {
  return loadHeldOut('frozen-2');
}

/** The third held-out set (test/fixtures/responses/frozen-3/), collected blind after the second was tuned past. */
export function loadFrozen3(): Fixture[] {
  return loadHeldOut('frozen-3');
}

/** The fourth held-out set (test/fixtures/responses/frozen-4/), collected blind after the third was tuned past. */
export function loadFrozen4(): Fixture[] {
  return loadHeldOut('frozen-4');
}

/** The fifth held-out set (test/fixtures/responses/frozen-5/), collected blind after the fourth was tuned past. */
export function loadFrozen5(): Fixture[] {
  return loadHeldOut('frozen-5');
}

/** The sixth held-out set (test/fixtures/responses/frozen-6/), collected blind after the fifth was tuned past. */
export function loadFrozen6(): Fixture[] {
  return loadHeldOut('frozen-6');
}

/** The seventh held-out set (test/fixtures/responses/frozen-7/), collected blind after the sixth was tuned past. */
export function loadFrozen7(): Fixture[] {
  return loadHeldOut('frozen-7');
}

/** The eighth held-out set (test/fixtures/responses/frozen-8/), collected blind after the seventh was tuned past. */
export function loadFrozen8(): Fixture[] {
  return loadHeldOut('frozen-8');
}

/** The ninth held-out set (test/fixtures/responses/frozen-9/), collected blind after the eighth was tuned past. */
export function loadFrozen9(): Fixture[] {
  return loadHeldOut('frozen-9');
}

/** The tenth held-out set (test/fixtures/responses/frozen-10/), collected blind after the ninth was tuned past. */
export function loadFrozen10(): Fixture[] {
  return loadHeldOut('frozen-10');
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Why a held-out file's record (source, expectation) is malformed; undefined when it is sound. */
export function heldOutRecordProblem(f: Fixture): string | undefined {
  const { producer, cause, blocked } = f.expect;
  if (!f.source.startsWith('https://')) return 'source is not an https address';
  if (!CAUSE_IDS.includes(cause)) return `unknown cause ${cause}`;
  if ((cause === 'none') !== !blocked) return 'ordinary responses carry cause none, refusals another cause';
  if (producer !== null && !KEBAB.test(producer)) return `producer ${producer} is not kebab-case`;
  return undefined;
}

/** Every header value and the body exactly as given: evidence must be a substring of one of them. */
export function evidenceOccurs(fx: Fixture, e: Explanation['evidence'][number]): boolean {
  const r = fx.response;
  if (e.where === 'status') return e.text === String(r.status);
  if (e.where === 'body') return (r.body ?? '').includes(e.text);
  const pairs: Array<[string, string]> = Array.isArray(r.headers)
    ? r.headers
    : Object.entries(r.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
  return pairs.some(([k, v]) => k.toLowerCase() === e.name && v.includes(e.text));
}

export interface Scored { fx: Fixture; got: Explanation; producerOk: boolean; causeOk: boolean; top3Ok: boolean; blockedOk: boolean; }

export function scoreCorpus(corpus = loadCorpus()): Scored[] {
  return corpus.map((fx) => {
    const got = explain(fx.response);
    return {
      fx,
      got,
      producerOk: (got.producer?.id ?? null) === fx.expect.producer,
      causeOk: got.cause === fx.expect.cause,
      top3Ok: got.candidates.slice(0, 3).some((c) => c.cause === fx.expect.cause),
      blockedOk: got.blocked === fx.expect.blocked,
    };
  });
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

export interface Bucket { label: string; min: number; max: number; n: number; right: number; }

/** Cause accuracy of refusals by confidence bucket. */
export function confidenceBuckets(scored: Scored[]): Bucket[] {
  const buckets: Bucket[] = [
    { label: '< 0.5', min: 0, max: 0.5, n: 0, right: 0 },
    { label: '0.5-0.8', min: 0.5, max: 0.8, n: 0, right: 0 },
    { label: '>= 0.8', min: 0.8, max: 1.01, n: 0, right: 0 },
  ];
  for (const s of scored) {
    if (!s.fx.expect.blocked) continue;
    const b = buckets.find((x) => s.got.confidence >= x.min && s.got.confidence < x.max);
    if (!b) continue;
    b.n++;
    if (s.causeOk) b.right++;
  }
  return buckets;
}

export function accuracyReport(scored: Scored[]): string {
  const n = scored.length;
  const refusals = scored.filter((s) => s.fx.expect.blocked);
  const benign = scored.filter((s) => !s.fx.expect.blocked);
  const falseAlarms = benign.filter((s) => s.got.blocked).length;
  const missed = refusals.filter((s) => !s.got.blocked).length;
  const producers = new Set(scored.map((s) => s.fx.expect.producer).filter(Boolean));
  const lines = [
    '# Explain accuracy on the response corpus',
    '',
    'Written by `test/integration/explain/accuracy-report.test.ts` (`UPDATE_ACCURACY=1 npx vitest run test/integration/explain/accuracy-report.test.ts`). Corpus: `test/fixtures/responses/`.',
    '',
    `| metric | value |`,
    `|---|---|`,
    `| responses | ${n} (${refusals.length} refusals, ${benign.length} non-refusals) |`,
    `| distinct expected producers | ${producers.size} |`,
    `| producer accuracy | ${pct(scored.filter((s) => s.producerOk).length, n)} |`,
    `| cause accuracy | ${pct(scored.filter((s) => s.causeOk).length, n)} |`,
    `| cause accuracy (refusals only) | ${pct(refusals.filter((s) => s.causeOk).length, refusals.length)} |`,
    `| cause in top 3 candidates | ${pct(scored.filter((s) => s.top3Ok).length, n)} |`,
    `| blocked accuracy | ${pct(scored.filter((s) => s.blockedOk).length, n)} |`,
    `| false-alarm rate (non-refusals marked blocked) | ${pct(falseAlarms, benign.length)} |`,
    `| missed refusals | ${pct(missed, refusals.length)} |`,
    '',
    '## Cause accuracy by confidence (refusals)',
    '',
    '| confidence | responses | cause right |',
    '|---|---|---|',
    ...confidenceBuckets(scored).map((b) => `| ${b.label} | ${b.n} | ${pct(b.right, b.n)} |`),
    '',
  ];
  const wrong = scored.filter((s) => !s.causeOk || !s.producerOk || !s.blockedOk);
  if (wrong.length) {
    lines.push('## Misses', '', '| fixture | expected | got |', '|---|---|---|');
    for (const s of wrong) lines.push(`| ${s.fx.file} | ${s.fx.expect.producer ?? '-'} / ${s.fx.expect.cause} | ${s.got.producer?.id ?? '-'} / ${s.got.cause} (${s.got.confidence}) |`);
    lines.push('');
  }
  return lines.join('\n');
}

const pctSpaced = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)} %` : 'n/a');

/**
 * The score of a held-out set: producer, cause and top-three accuracy over its refusals, false alarms
 * over its ordinary responses, one line per expected producer, and every miss. `registered` (the
 * registry's producer ids), when given, adds the expected producers the registry does not know yet.
 */
export function heldOutReport(label: string, scored: Scored[], registered?: ReadonlySet<string>): string {
  const refusals = scored.filter((s) => s.fx.expect.blocked);
  const ordinary = scored.filter((s) => !s.fx.expect.blocked);
  const falseAlarms = ordinary.filter((s) => s.got.blocked);
  const n = refusals.length;
  const count = (ok: (s: Scored) => boolean): string => `${pctSpaced(refusals.filter(ok).length, n)} (${refusals.filter(ok).length}/${n})`;
  const lines = [
    `${label}: ${scored.length} responses (${refusals.length} refusals, ${ordinary.length} ordinary)`,
    `  producer ${count((s) => s.producerOk)}`,
    `  cause ${count((s) => s.causeOk)}`,
    `  cause in top three ${count((s) => s.top3Ok)}`,
    `  refusals not marked blocked ${refusals.filter((s) => !s.got.blocked).length} of ${n}`,
    `  false alarms ${falseAlarms.length} of ${ordinary.length}`,
  ];
  if (registered) {
    const unknown = [...new Set(scored.map((s) => s.fx.expect.producer).filter((p): p is string => p !== null && !registered.has(p)))].sort();
    lines.push(`  expected producers not in the registry (${unknown.length}): ${unknown.join(', ') || '-'}`);
  }
  lines.push('  by expected producer (refusals: producer right / cause right / n):');
  const groups = new Map<string, Scored[]>();
  for (const s of refusals) {
    const key = s.fx.expect.producer ?? '(none)';
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const [key, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`    ${key}: ${g.filter((s) => s.producerOk).length} / ${g.filter((s) => s.causeOk).length} / ${g.length}`);
  }
  const misses = scored.filter((s) => !s.producerOk || !s.causeOk);
  if (misses.length) {
    lines.push('  misses (expected -> got):');
    for (const s of misses) lines.push(`    ${s.fx.file}: ${s.fx.expect.producer ?? '-'} / ${s.fx.expect.cause} -> ${s.got.producer?.id ?? '-'} / ${s.got.cause} (${s.got.confidence})`);
  }
  return lines.join('\n');
}
