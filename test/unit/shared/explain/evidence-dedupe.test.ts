// An explanation's evidence lists each quote once: a quote that stands inside a longer quote of the same
// place (body, or the same header) adds nothing a reader can use, so only the longer one is kept.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { loadCorpus } from './corpus';

/** Evidence items of one explanation that another item of the same place contains. */
function contained(evidence: { where: string; name?: string; text: string }[]): string[] {
  return evidence.filter((ev, i) => evidence.some((o, j) => j !== i && o.where === ev.where && o.name === ev.name
    && o.text.length > ev.text.length && o.text.includes(ev.text))).map((ev) => `${ev.where}: ${ev.text}`);
}

describe('explain: evidence without quotes inside quotes', () => {
  it('keeps the whole sentence, not also its start, when two rules quote the same words', () => {
    const e = explain({ status: 401, headers: { 'content-type': 'application/json' }, body: '{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."}' });
    const texts = e.evidence.filter((ev) => ev.where === 'body').map((ev) => ev.text);
    expect(texts).toContain('Invalid API-key, IP, or permissions for action');
    expect(texts).not.toContain('Invalid API-key');
  });

  it('lists no quote inside another of the same place for any corpus response', () => {
    const offenders = loadCorpus().flatMap((f) => {
      const inner = contained(explain(f.response).evidence);
      return inner.length ? [`${f.file}: ${inner.join(' | ')}`] : [];
    });
    expect(offenders).toEqual([]);
  });
});
