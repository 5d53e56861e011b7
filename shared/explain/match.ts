import { allOf, anchored, anchorOf, anyOf } from './anchors';
import { viewSlice } from './body-view';
import type { Ctx, WeightedEvidence } from './types';

/** A matcher yields evidence (text that really occurs in the response) or null. */
export type Matcher = (ctx: Ctx) => WeightedEvidence[] | null;

const MAX_HEADER_EVIDENCE = 200;

/** A header is present (and its value matches `re`, when given). */
export function hdr(name: string, re?: RegExp, weight = 3): Matcher {
  const key = name.toLowerCase();
  return anchored<Matcher>((ctx) => {
    const values = ctx.headers.get(key);
    if (!values) return null;
    for (const value of values) {
      if (!re) return [{ where: 'header', name: key, text: value, weight }];
      const m = re.exec(value);
      if (m) {
        const text = value.length <= MAX_HEADER_EVIDENCE ? value : m[0];
        return [{ where: 'header', name: key, text, weight }];
      }
    }
    return null;
  }, re ? { header: key, re } : { header: key });
}

/** A Set-Cookie header whose value matches `re`; the evidence is the cookie's name=value pair. */
export function cookie(re: RegExp, weight = 2): Matcher {
  return anchored<Matcher>((ctx) => {
    for (const value of ctx.headers.get('set-cookie') ?? []) {
      const m = re.exec(value);
      if (m) {
        const end = value.indexOf(';');
        return [{ where: 'header', name: 'set-cookie', text: end > 0 ? value.slice(0, end) : value, weight }];
      }
    }
    return null;
  }, { header: 'set-cookie', re });
}

/**
 * `re` on the body as given, else on its JSON-spelled view (a Python repr, an escaped or print_r'd
 * envelope); the evidence is the body text of the match (or of one group), never the view's.
 */
function bodyMatch(ctx: Ctx, re: RegExp, group: number): string | null {
  if (!ctx.body) return null;
  const m = re.exec(ctx.body);
  if (m) return m[group] ? (m[group].trim() || m[group]) : null;
  if (!ctx.view) return null;
  const v = re.exec(ctx.view.text);
  const part = v?.[group];
  if (!v || !part) return null;
  const from = v.index + (group ? Math.max(0, v[0].indexOf(part)) : 0);
  return viewSlice(ctx.body, ctx.view, from, from + part.length);
}

/** The body matches `re` (should carry the i flag); the evidence is the matched text exactly as given. */
export function body(re: RegExp, weight = 3): Matcher {
  return anchored<Matcher>((ctx) => {
    const text = bodyMatch(ctx, re, 0);
    return text ? [{ where: 'body', text, weight }] : null;
  }, { body: re });
}

/** A capture group of the body match is the evidence (e.g. just the error code). */
export function bodyGroup(re: RegExp, group = 1, weight = 3): Matcher {
  return anchored<Matcher>((ctx) => {
    const text = bodyMatch(ctx, re, group);
    return text ? [{ where: 'body', text, weight }] : null;
  }, { body: re });
}

export function status(...codes: number[]): Matcher {
  return anchored<Matcher>((ctx) => (codes.includes(ctx.status) ? [{ where: 'status', text: String(ctx.status), weight: 0 }] : null), { status: codes });
}

/** Every matcher must match; the evidence is concatenated. */
export function all(...ms: Matcher[]): Matcher {
  return anchored<Matcher>((ctx) => {
    const out: WeightedEvidence[] = [];
    for (const m of ms) {
      const ev = m(ctx);
      if (!ev) return null;
      out.push(...ev);
    }
    return out;
  }, allOf(ms.map(anchorOf)));
}

/** The first matcher that matches. */
export function any(...ms: Matcher[]): Matcher {
  return anchored<Matcher>((ctx) => {
    for (const m of ms) {
      const ev = m(ctx);
      if (ev) return ev;
    }
    return null;
  }, anyOf(ms.map(anchorOf)));
}

/** Evidence of every matcher that matches (null when none does). */
export function collect(...ms: Matcher[]): Matcher {
  return anchored<Matcher>((ctx) => {
    const out: WeightedEvidence[] = [];
    for (const m of ms) {
      const ev = m(ctx);
      if (ev) out.push(...ev);
    }
    return out.length ? out : null;
  }, anyOf(ms.map(anchorOf)));
}

/** Negation: matches (with no evidence) when `m` does not. */
export function not(m: Matcher): Matcher {
  return (ctx) => (m(ctx) ? null : []);
}

/** Only when the predicate holds. */
export function when(pred: (ctx: Ctx) => boolean, m?: Matcher): Matcher {
  return anchored<Matcher>((ctx) => (pred(ctx) ? (m ? m(ctx) : []) : null), m ? anchorOf(m) : true);
}

/** First value of a header, lower-case name. */
export function header(ctx: Ctx, name: string): string | undefined {
  return ctx.headers.get(name)?.[0];
}
