// What text a regular expression's match must contain, read from its source: the literal runs every
// match carries (an alternation gives either side's). The explainer's anchor index uses it to skip a
// rule whose text is not in the body. Conservative by construction: whatever this cannot read (a
// class, a lookaround, an optional part, a non-ASCII letter, the u/v flags) counts as "no text".

/** A requirement on the lower-cased text: true (none), a literal it contains, all of, any of. */
export type TextReq = true | { lit: string } | { and: TextReq[] } | { or: TextReq[] };

/** Shorter runs say too little to be worth a look-up (a dropped literal only weakens the requirement). */
const MIN_LITERAL = 3;

// The source split in one native pass (the index reads about a thousand sources on first use):
// an escape, a class, a group's opening, a quantifier, a run of plain characters, or one character.
const TOKEN = new RegExp([
  String.raw`\\(?:x[0-9a-fA-F]{0,2}|u[0-9a-fA-F]{0,4}|c[A-Za-z]?|k<[^>]*>|\d+|[\s\S])`,
  String.raw`\[(?:\\[\s\S]|[^\]\\])*\]`,
  String.raw`\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)?)?`,
  String.raw`(?:[*+?]|\{\d+(?:,\d*)?\})\??`,
  String.raw`[^\\[(){|*+?.^$]+`,
  String.raw`[\s\S]`,
].join('|'), 'g');
const QUANT = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??$/;
const NON_ASCII = /[^\x00-\x7f]/;

/** A character case folding leaves alone (CJK, most punctuation): a literal may hold it as it is. */
function caseless(ch: string): boolean {
  return ch.toLowerCase() === ch && ch.toUpperCase() === ch;
}

/** A character that breaks a run: a non-ASCII one with case (folding may reach ASCII from it). */
function breaksRun(ch: string): boolean {
  return NON_ASCII.test(ch) && !caseless(ch);
}

interface Quant { min: number; max: number; }

function quantOf(token: string | undefined): Quant | null {
  const m = token === undefined ? null : QUANT.exec(token);
  if (!m) return null;
  if (m[1]) return m[1] === '+' ? { min: 1, max: Infinity } : { min: 0, max: m[1] === '*' ? Infinity : 1 };
  const min = Number(m[2]);
  return { min, max: m[3] ? (m[4] ? Number(m[4]) : Infinity) : min };
}

/** The literal character an escape token stands for, or null (a class, an assertion, a code, a reference). */
function escaped(token: string): string | null {
  const c = token.length === 2 ? token[1]! : '';
  return c && !/[A-Za-z0-9]/.test(c) ? c : null;
}

function simplifyAnd(of: TextReq[]): TextReq {
  const kept = of.filter((r) => r !== true);
  if (kept.length === 0) return true;
  return kept.length === 1 ? kept[0]! : { and: kept };
}

function simplifyOr(of: TextReq[]): TextReq {
  if (of.length === 0 || of.some((r) => r === true)) return true;
  return of.length === 1 ? of[0]! : { or: of };
}

class Reader {
  i = 0;
  constructor(readonly tokens: string[]) {}

  disjunction(): TextReq {
    const alts: TextReq[] = [this.alternative()];
    while (this.tokens[this.i] === '|') {
      this.i += 1;
      alts.push(this.alternative());
    }
    return simplifyOr(alts);
  }

  /** One alternative up to `|` or `)` at this depth: the runs it must contain, and its groups' requirements. */
  private alternative(): TextReq {
    const parts: TextReq[] = [];
    let run = '';
    const flush = (): void => {
      if (run.length >= MIN_LITERAL) parts.push({ lit: run });
      run = '';
    };
    const tokens = this.tokens;
    while (this.i < tokens.length) {
      const t = tokens[this.i]!;
      if (t === '|' || t === ')') break;
      this.i += 1;
      if (t[0] === '(') {
        if (t.startsWith('(?') && t.length === 2) throw new Error('a group this reader does not know'); // e.g. modifiers
        const look = t === '(?=' || t === '(?!' || t === '(?<=' || t === '(?<!';
        const inner = this.disjunction();
        if (tokens[this.i] !== ')') throw new Error('unbalanced group');
        this.i += 1;
        const q = quantOf(tokens[this.i]);
        if (q) this.i += 1;
        flush();
        if (!look && (!q || q.min >= 1)) parts.push(inner);
        continue;
      }
      const q = quantOf(tokens[this.i]);
      if (q) this.i += 1;
      let last: string | null;
      if (t[0] === '\\') last = escaped(t);
      else if (t.length === 1) last = t === '.' || t === '^' || t === '$' || t[0] === '[' || quantOf(t) ? null : t;
      else if (t[0] === '[' || quantOf(t)) last = null;
      else if (NON_ASCII.test(t)) {
        for (const ch of t.slice(0, -1)) {
          if (breaksRun(ch)) flush();
          else run += ch.toLowerCase();
        }
        last = t.slice(-1);
      } else {
        run += t.slice(0, -1).toLowerCase();
        last = t[t.length - 1]!;
      }
      if (last === null || breaksRun(last)) {
        flush();
        continue;
      }
      const lower = last.toLowerCase();
      if (!q) {
        run += lower;
        continue;
      }
      run += lower.repeat(Math.min(q.min, 64));
      if (q.min === q.max) continue;
      flush();
      // the last repetition still touches what follows
      if (q.min >= 1) run = lower;
    }
    flush();
    return simplifyAnd(parts);
  }
}

/**
 * The lower-cased text every match of `re` contains (on any string: the literal's ASCII letters are
 * matched exactly or case-insensitively, so a lower-cased subject holds them lower-cased).
 */
export function regexText(re: RegExp): TextReq {
  // Unicode case folding maps ASCII letters to others (the Kelvin sign is a k): no reading then.
  if (re.unicode || re.flags.includes('v')) return true;
  try {
    const r = new Reader(re.source.match(TOKEN) ?? []);
    const req = r.disjunction();
    // a stray `)` means the reading went wrong: claim nothing
    return r.i >= r.tokens.length ? req : true;
  } catch {
    // a source this reader cannot follow: no requirement is always a safe answer
    return true;
  }
}
