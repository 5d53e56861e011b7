// What a matcher needs to see before it can match: a necessary condition, declared by the matcher
// constructors in match.ts (a header's name, a regular expression's literal text, a status). The
// explainer's index (anchor-index.ts) runs a producer or rule only when its condition holds, so
// the condition may say "maybe" too often but never "no" for a response the matcher would match.
// A matcher built any other way (a plain function) has no anchor: it always runs.
export type Anchor =
  | true
  | { status: readonly number[] }
  /** the header is present; with `re`, one of its values holds the text every match of `re` holds */
  | { header: string; re?: RegExp }
  /** the body or its JSON-spelled view holds the text every match of `re` holds (read on first use) */
  | { body: RegExp }
  | { and: Anchor[] }
  | { or: Anchor[] };

const ANCHORS = new WeakMap<object, Anchor>();

/** Records `m`'s anchor and returns `m`. */
export function anchored<T extends object>(m: T, anchor: Anchor): T {
  ANCHORS.set(m, anchor);
  return m;
}

/** The anchor declared for `m`, or true (always run) when none was. */
export function anchorOf(m: object): Anchor {
  return ANCHORS.get(m) ?? true;
}

export function allOf(of: Anchor[]): Anchor {
  const kept = of.filter((a) => a !== true);
  if (kept.length === 0) return true;
  return kept.length === 1 ? kept[0]! : { and: kept };
}

export function anyOf(of: Anchor[]): Anchor {
  if (of.length === 0 || of.some((a) => a === true)) return true;
  return of.length === 1 ? of[0]! : { or: of };
}
