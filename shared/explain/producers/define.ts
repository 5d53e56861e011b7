import { anchored, anchorOf, anyOf } from '../anchors';
import type { Matcher } from '../match';
import type { CauseRule, ChecklistStep, Producer, ProducerKind, ProducerRole, WeightedEvidence } from '../types';

/** Visible text longer than this is an article, not an error page. */
export const ARTICLE_TEXT = 3000;

export interface ProducerDef {
  id: string;
  kind: ProducerKind;
  name: string;
  family?: string;
  /** forward proxies and identity providers: the causes ranked when the evidence is thin differ */
  role?: ProducerRole;
  overrides?: string[];
  /** signals that this layer wrote the response (its page, its error header/body format): weight 3 */
  own?: Matcher[];
  /**
   * the vendor's body on its own (its error envelope's fields and code vocabulary, its docs URL
   * host), for responses pasted without headers: weight 2 — names the writer when nothing stronger
   * does, and its cause rules then speak with less confidence (see BODY_ONLY_FACTOR)
   */
  bodyOnly?: Matcher[];
  /** signals that it merely sits on the path (Server, Via, request ids, cookies): weight 1 */
  presence?: Matcher[];
  causes?: CauseRule[];
  checklist?: Partial<Record<ChecklistStep, string>>;
}

/** Weight of a body-alone fingerprint: enough to name the writer (own), less than a header or a full fingerprint. */
export const BODY_ONLY_WEIGHT = 2;
/** A producer named by body-alone fingerprints only: its cause rules' confidence is scaled by this. */
export const BODY_ONLY_FACTOR = 0.9;

/** Build a producer whose match collects own (weight 3) and presence (weight 1) evidence. */
export function defineProducer(def: ProducerDef): Producer {
  const own = def.own ?? [];
  const presence = def.presence ?? [];
  const bodyOnly = def.bodyOnly ?? [];
  const producer: Producer = {
    id: def.id,
    kind: def.kind,
    name: def.name,
    family: def.family,
    role: def.role,
    overrides: def.overrides,
    causes: def.causes ?? [],
    checklist: def.checklist,
    match(ctx) {
      const out: WeightedEvidence[] = [];
      // a long article is nobody's error page: its words name no producer
      const article = !ctx.isJson && ctx.textLength > ARTICLE_TEXT;
      for (const m of own) {
        const ev = m(ctx);
        if (ev && !(article && ev.some((e) => e.where === 'body'))) for (const e of ev) out.push(e.where === 'status' ? e : { ...e, weight: Math.max(e.weight ?? 3, 3) });
      }
      if (!article) {
        for (const m of bodyOnly) {
          const ev = m(ctx);
          if (ev) for (const e of ev) if (e.where === 'body') out.push({ ...e, weight: BODY_ONLY_WEIGHT });
        }
      }
      for (const m of presence) {
        const ev = m(ctx);
        if (ev) for (const e of ev) if (e.where !== 'status') out.push({ ...e, weight: 1 });
      }
      return out.some((e) => e.where !== 'status') ? out : null;
    },
  };
  // it matches only when one of its matchers does (the explainer's index skips it otherwise)
  anchored(producer.match, anyOf([...own, ...bodyOnly, ...presence].map(anchorOf)));
  return producer;
}
