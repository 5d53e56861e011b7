// Whether a response is surely no refusal, answered without the producer registry. The runner asks
// it of every success response: the blocking rules' anchors come as data made when the app and the
// CLI are built (may-block.ts blockGateData, electron.vite.config.ts), and the few blocking rules
// with no anchor (they read the parsed JSON: GraphQL error codes, JSON error envelopes) come as
// their own code. A collection whose answers are all healthy then never loads the explainer's
// chunk (~0.8 MB of rules); "not sure" sends the response to mayBeBlocked() and explain().
import { condOf, Subject, unionFromData, type Union, type UnionData } from './anchor-index';
import { buildContext } from './context';
import { ARTICLE_TEXT } from './producers/define';
import { isRefusalStatus, mayBeRefusal } from './refusal';
import { GRAPHQL_RULES } from './signals/graphql';
import { JSON_ENVELOPE_RULES } from './signals/json-envelope';
import type { CauseRule, ExplainInput } from './types';

export interface BlockGateData {
  /** how many blocking rules of the registry have no anchor: all must be among UNANCHORED_BLOCKING */
  unanchored: number;
  /** the anchored blocking rules' conditions as one (null: one of them needs nothing) */
  union: UnionData | null;
}

/** The blocking rules with no anchor, as code: the only ones a gate made of data cannot read. */
export const UNANCHORED_BLOCKING: readonly CauseRule[] = [...GRAPHQL_RULES, ...JSON_ENVELOPE_RULES]
  .filter((r) => r.blocks && condOf(r.when).atoms === null);

export interface LightGate { union: Union; }

/** The gate from its data; null when it cannot decide anything (a registry rule it does not carry). */
export function lightGateOf(data: BlockGateData): LightGate | null {
  if (data.unanchored !== UNANCHORED_BLOCKING.length || data.union === null) return null;
  return { union: unionFromData(data.union) };
}

declare const __CLEARANCE_BLOCK_GATE__: string | undefined;
let built: LightGate | null | undefined;

/** This bundle's gate (null in tests and tsx, which have no built data: everything is "not sure"). */
function builtGate(): LightGate | null {
  built ??= typeof __CLEARANCE_BLOCK_GATE__ === 'string' ? lightGateOf(JSON.parse(__CLEARANCE_BLOCK_GATE__) as BlockGateData) : null;
  return built;
}

/** True only when mayBeBlocked(input) is surely false; false means "not sure: ask it". */
export function surelyNotBlocked(input: ExplainInput, gate: LightGate | null = builtGate()): boolean {
  if (!gate || isRefusalStatus(input.status)) return false;
  if (!mayBeRefusal(input.status, input.headers)) return true;
  // the same steps as mayBeBlocked(), up to the anchored rules it would run one by one
  const ctx = buildContext(input);
  if (ctx.status < 400 && ctx.textLength >= ARTICLE_TEXT) return true;
  for (const rule of UNANCHORED_BLOCKING) if (rule.when(ctx)) return false;
  return !new Subject(ctx).passesUnion(gate.union);
}
