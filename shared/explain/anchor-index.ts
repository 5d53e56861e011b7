// The explainer's index: each producer's and rule's anchor (anchors.ts), compiled once from the
// registry itself, so a producer or rule added later is indexed without a word about it. A
// response runs only those whose anchor holds; the rest could not have matched it.
import { anchorOf, type Anchor } from './anchors';
import { regexText, type TextReq } from './regex-literals';
import { Grams, literalGrams, literalSet, type LiteralSet } from './trigrams';
import type { Ctx } from './types';

export const STATUS = 1;
export const HEADER = 2;
export const HEADER_TEXT = 3;
export const BODY_TEXT = 4;
/** a text with characters other than ASCII (a CJK sentence): looked for as it is, not by trigrams */
export const BODY_RAW = 5;

const NON_ASCII = /[^\x00-\x7f]/;

/** One check: one shape for every kind, read by one function. */
export interface Atom {
  k: number;
  /** header name (HEADER, HEADER_TEXT) */
  name: string;
  /** lower-cased text one of the header's values holds (HEADER_TEXT), or the body holds (BODY_TEXT) */
  text: string;
  /** the trigrams of a text the body holds (BODY_TEXT) */
  grams: Int32Array;
  codes: readonly number[];
}

/**
 * A compiled anchor: the response must pass one of these checks (null: none needed, always run).
 * An `and` keeps only its most telling part, so the list is flat and quick to read; that only
 * weakens the condition, which stays necessary.
 */
export interface Cond { atoms: Atom[] | null; }

const NO_GRAMS = new Int32Array(0);

function atom(k: number, fields: Partial<Atom>): Atom {
  return { k, name: '', text: '', grams: NO_GRAMS, codes: [], ...fields };
}

// Body texts most JSON and error bodies hold whoever wrote them (envelope keys, the status's own
// words): passing one says less than a vendor's header does, so an `and` keeps its other part.
const COMMON_TEXTS = new Set(['"message"', 'message', '"error"', 'error', '"errors"', '"code"', '"status"', '"detail"', '"title"',
  '"type"', '"requestid"', 'requestid', 'forbidden', 'unauthorized', 'access denied', '"reason"', '"description"']);

/** How much passing an atom says (a long body literal most, a status least). */
function weight(a: Atom): number {
  if (a.k === BODY_TEXT) return COMMON_TEXTS.has(a.text) ? 5 : 10 + Math.min(a.grams.length, 20);
  if (a.k === BODY_RAW) return 10 + Math.min(a.text.length, 20);
  return a.k === HEADER_TEXT ? 9 : a.k === HEADER ? 6 : 1;
}

/** Of lists that must all pass, the one whose weakest atom says most (shorter on a tie). */
function mostTelling(lists: Array<Atom[] | null>): Atom[] | null {
  let best: Atom[] | null = null;
  let score = -1;
  for (const list of lists) {
    if (!list) continue;
    const s = Math.min(...list.map(weight)) * 1000 - list.length;
    if (s > score) [best, score] = [list, s];
  }
  return best;
}

function eitherOf(lists: Array<Atom[] | null>): Atom[] | null {
  return lists.some((l) => l === null) ? null : (lists as Atom[][]).flat();
}

// one regular expression often serves several matchers (a page's own text and its rules)
const readTexts = new WeakMap<RegExp, TextReq>();

function textOf(re: RegExp): TextReq {
  let req = readTexts.get(re);
  if (req === undefined) readTexts.set(re, (req = regexText(re)));
  return req;
}

function fromText(req: TextReq, leaf: (text: string) => Atom): Atom[] | null {
  if (req === true) return null;
  if ('lit' in req) return [leaf(req.lit)];
  const lists = ('and' in req ? req.and : req.or).map((r) => fromText(r, leaf));
  return 'and' in req ? mostTelling(lists) : eitherOf(lists);
}

function bodyAtom(text: string): Atom {
  return NON_ASCII.test(text) ? atom(BODY_RAW, { text }) : atom(BODY_TEXT, { text, grams: literalGrams(text) });
}

function flatten(a: Anchor): Atom[] | null {
  if (a === true) return null;
  if ('status' in a) return [atom(STATUS, { codes: a.status })];
  if ('header' in a) {
    const name = a.header;
    const values = a.re === undefined ? null : fromText(textOf(a.re), (text) => atom(HEADER_TEXT, { name, text }));
    return values ?? [atom(HEADER, { name })];
  }
  if ('body' in a) return fromText(textOf(a.body), bodyAtom);
  const lists = ('and' in a ? a.and : a.or).map(flatten);
  return 'and' in a ? mostTelling(lists) : eitherOf(lists);
}

/** What one response offers the conditions: its status, header names and values, the body's trigrams. */
export class Subject {
  private grams: Grams | undefined;
  private lower: string | undefined;
  constructor(readonly ctx: Ctx) {}

  /** Whether the body or its JSON-spelled view holds a text (lower case, or caseless characters). */
  holdsRaw(text: string): boolean {
    const { body, view } = this.ctx;
    // joined, a text may seem to span both: a "yes" that is wrong only lets the matcher decide
    this.lower ??= (view ? `${body}\n${view.text}` : body).toLowerCase();
    return this.lower.includes(text);
  }

  bodyGrams(): Grams {
    // the body matchers run on the body and on its JSON-spelled view: a text in either may match
    const { body, view } = this.ctx;
    this.grams ??= new Grams(view ? [body, view.text] : [body]);
    return this.grams;
  }

  /** Whether any condition of the union may hold. */
  passesUnion(u: Union): boolean {
    const { status, headers } = this.ctx;
    if (u.statuses.has(status)) return true;
    for (const name of u.headers) if (headers.has(name)) return true;
    for (const [name, text] of u.headerTexts) if (headers.get(name)?.some((v) => v.toLowerCase().includes(text))) return true;
    for (const text of u.raw) if (this.holdsRaw(text)) return true;
    return this.bodyGrams().mayHoldAny(u.body);
  }

  private passes(a: Atom): boolean {
    switch (a.k) {
      case STATUS: return a.codes.includes(this.ctx.status);
      case HEADER: return this.ctx.headers.has(a.name);
      case HEADER_TEXT: {
        const values = this.ctx.headers.get(a.name);
        return values !== undefined && values.some((v) => v.toLowerCase().includes(a.text));
      }
      case BODY_RAW: return this.holdsRaw(a.text);
      default: return this.bodyGrams().mayHold(a.grams);
    }
  }

  holds(c: Cond): boolean {
    const atoms = c.atoms;
    if (atoms === null) return true;
    for (let i = 0; i < atoms.length; i++) if (this.passes(atoms[i]!)) return true;
    return false;
  }
}

const compiled = new WeakMap<object, Cond>();

/** The compiled anchor of a matcher (a producer's `match`, a rule's `when`), compiled on first use. */
export function condOf(m: object): Cond {
  let c = compiled.get(m);
  if (!c) compiled.set(m, (c = { atoms: flatten(anchorOf(m)) }));
  return c;
}

/** An atom as plain data (anchor-table.ts): its kind and what it checks; a body text's trigrams are derived. */
export type AtomData =
  | [typeof STATUS, number[]]
  | [typeof HEADER, string]
  | [typeof HEADER_TEXT, string, string]
  | [typeof BODY_TEXT, string]
  | [typeof BODY_RAW, string];

export function condData(c: Cond): AtomData[] | null {
  return c.atoms && c.atoms.map((a): AtomData => {
    switch (a.k) {
      case STATUS: return [STATUS, [...a.codes]];
      case HEADER: return [HEADER, a.name];
      case HEADER_TEXT: return [HEADER_TEXT, a.name, a.text];
      case BODY_RAW: return [BODY_RAW, a.text];
      default: return [BODY_TEXT, a.text];
    }
  });
}

function atomOf(d: AtomData): Atom {
  switch (d[0]) {
    case STATUS: return atom(STATUS, { codes: d[1] });
    case HEADER: return atom(HEADER, { name: d[1] });
    case HEADER_TEXT: return atom(HEADER_TEXT, { name: d[1], text: d[2] });
    case BODY_RAW: return atom(BODY_RAW, { text: d[1] });
    default: return atom(BODY_TEXT, { text: d[1], grams: literalGrams(d[1]) });
  }
}

/** Records `m`'s condition as read from data made by condData, instead of compiling it from its anchor. */
export function seedCond(m: object, data: AtomData[] | null): void {
  compiled.set(m, { atoms: data && data.map(atomOf) });
}

/** Many conditions as one, for a gate asked on every response: each kind of check in one list. */
export interface Union {
  statuses: Set<number>;
  headers: string[];
  headerTexts: Array<[string, string]>;
  raw: string[];
  body: LiteralSet;
}

/** A union as plain data (a body text's trigrams are derived): what a gate needs without the registry. */
export interface UnionData {
  statuses: number[];
  headers: string[];
  headerTexts: Array<[string, string]>;
  raw: string[];
  body: string[];
}

/** The union of `conds` as data, or null when one of them needs nothing (always holds). */
export function unionData(conds: readonly Cond[]): UnionData | null {
  const statuses = new Set<number>();
  const headers = new Set<string>();
  const headerTexts = new Map<string, [string, string]>();
  const raw = new Set<string>();
  const body = new Set<string>();
  for (const c of conds) {
    if (c.atoms === null) return null;
    for (const a of c.atoms) {
      if (a.k === STATUS) for (const code of a.codes) statuses.add(code);
      else if (a.k === HEADER) headers.add(a.name);
      else if (a.k === HEADER_TEXT) headerTexts.set(`${a.name}\n${a.text}`, [a.name, a.text]);
      else if (a.k === BODY_RAW) raw.add(a.text);
      else body.add(a.text);
    }
  }
  return { statuses: [...statuses], headers: [...headers], headerTexts: [...headerTexts.values()], raw: [...raw], body: [...body] };
}

export function unionFromData(d: UnionData): Union {
  return { statuses: new Set(d.statuses), headers: d.headers, headerTexts: d.headerTexts, raw: d.raw, body: literalSet(d.body.map(literalGrams)) };
}

/** The union of `conds`, or null when one of them needs nothing (always holds). */
export function unionOf(conds: readonly Cond[]): Union | null {
  const u = {
    statuses: new Set<number>(), headers: new Set<string>(), headerTexts: new Map<string, [string, string]>(), raw: new Set<string>(),
    body: new Map<string, Int32Array>(),
  };
  for (const c of conds) {
    if (c.atoms === null) return null;
    for (const a of c.atoms) {
      if (a.k === STATUS) for (const code of a.codes) u.statuses.add(code);
      else if (a.k === HEADER) u.headers.add(a.name);
      else if (a.k === HEADER_TEXT) u.headerTexts.set(`${a.name}\n${a.text}`, [a.name, a.text]);
      else if (a.k === BODY_RAW) u.raw.add(a.text);
      else u.body.set(a.grams.join(','), a.grams);
    }
  }
  return {
    statuses: u.statuses, headers: [...u.headers], headerTexts: [...u.headerTexts.values()], raw: [...u.raw],
    body: literalSet([...u.body.values()]),
  };
}
