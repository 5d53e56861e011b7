// Many conditions asked at once (every producer's, or every rule's of one list): their checks laid
// out by kind, so one response is read once per kind instead of once per condition. Asked for
// each refusal the explainer sees; cond by cond (Subject.holds) cost ~1,500 small checks through
// a lookup and a switch each, several times what the answer itself costs in a short-lived process.
import { BODY_RAW, BODY_TEXT, HEADER, HEADER_TEXT, STATUS, type Cond, type Subject } from './anchor-index';
import { literalSet, type LiteralSet } from './trigrams';

export class CondTable {
  /** conditions that need nothing (always hold) */
  private readonly always: number[] = [];
  private readonly byStatus = new Map<number, number[]>();
  private readonly byHeader = new Map<string, number[]>();
  /** per header name, the lower-cased texts one of its values must hold, with their condition */
  private readonly byHeaderText = new Map<string, Array<[string, number]>>();
  /** texts with characters other than ASCII, with their condition */
  private readonly raw: Array<[string, number]> = [];
  private readonly body: LiteralSet;
  private readonly bodyOwners: Int32Array;

  constructor(private readonly conds: readonly Cond[]) {
    const grams: Int32Array[] = [];
    const owners: number[] = [];
    conds.forEach((c, i) => {
      if (c.atoms === null) return void this.always.push(i);
      for (const a of c.atoms) {
        if (a.k === STATUS) for (const code of a.codes) push(this.byStatus, code, i);
        else if (a.k === HEADER) push(this.byHeader, a.name, i);
        else if (a.k === HEADER_TEXT) push(this.byHeaderText, a.name, [a.text, i]);
        else if (a.k === BODY_RAW) this.raw.push([a.text, i]);
        else if (a.k === BODY_TEXT) {
          grams.push(a.grams);
          owners.push(i);
        }
      }
    });
    this.body = literalSet(grams);
    this.bodyOwners = Int32Array.from(owners);
  }

  /** One flag per condition, in the order given: 1 where Subject.holds(cond) would be true. */
  holding(subject: Subject): Uint8Array {
    const held = new Uint8Array(this.conds.length);
    const { status, headers } = subject.ctx;
    for (const i of this.always) held[i] = 1;
    for (const i of this.byStatus.get(status) ?? []) held[i] = 1;
    for (const [name, values] of headers) {
      for (const i of this.byHeader.get(name) ?? []) held[i] = 1;
      const texts = this.byHeaderText.get(name);
      if (!texts) continue;
      const lower = values.map((v) => v.toLowerCase());
      for (const [text, i] of texts) if (held[i] === 0 && lower.some((v) => v.includes(text))) held[i] = 1;
    }
    for (const [text, i] of this.raw) if (held[i] === 0 && subject.holdsRaw(text)) held[i] = 1;
    if (this.bodyOwners.length > 0) subject.bodyGrams().markHeld(this.body, this.bodyOwners, held);
    return held;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
