import type { Matcher } from '../match';
import type { CauseRule, ChecklistStep, Producer, ProducerKind, WeightedEvidence } from '../types';

export interface ProducerDef {
  id: string;
  kind: ProducerKind;
  name: string;
  family?: string;
  /** signals that this layer wrote the response (its page, its error header/body format): weight 3 */
  own?: Matcher[];
  /** signals that it merely sits on the path (Server, Via, request ids, cookies): weight 1 */
  presence?: Matcher[];
  causes?: CauseRule[];
  checklist?: Partial<Record<ChecklistStep, string>>;
}

/** Build a producer whose match collects own (weight 3) and presence (weight 1) evidence. */
export function defineProducer(def: ProducerDef): Producer {
  const own = def.own ?? [];
  const presence = def.presence ?? [];
  return {
    id: def.id,
    kind: def.kind,
    name: def.name,
    family: def.family,
    causes: def.causes ?? [],
    checklist: def.checklist,
    match(ctx) {
      const out: WeightedEvidence[] = [];
      for (const m of own) {
        const ev = m(ctx);
        if (ev) for (const e of ev) out.push(e.where === 'status' ? e : { ...e, weight: Math.max(e.weight ?? 3, 3) });
      }
      for (const m of presence) {
        const ev = m(ctx);
        if (ev) for (const e of ev) if (e.where !== 'status') out.push({ ...e, weight: 1 });
      }
      return out.some((e) => e.where !== 'status') ? out : null;
    },
  };
}
