// Whether explain() could mark a response blocked, answered without explaining it. For a status
// that is not a refusal of its own (a 200, a 302), explain() says blocked only when a rule marked
// `blocks` matches (a block page, a JSON error envelope served with 200); this runs those rules
// alone, every producer's and the generic ones, so "false" is certain and "true" means "explain it".
// The runner uses it to skip the explainer for the ordinary 2xx responses of a collection.
import { condOf, Subject, unionData, unionOf, type Union } from './anchor-index';
import { builtTableSeeded } from './anchor-table';
import { buildContext } from './context';
import { ARTICLE_TEXT } from './producers/define';
import { PRODUCERS } from './producers/index';
import { isRefusalStatus, mayBeRefusal } from './refusal';
import { GENERIC_RULES } from './signals/index';
import type { BlockGateData } from './light-gate';
import type { CauseRule, ExplainInput } from './types';

interface Gate {
  /** blocking rules with no anchor (they read the parsed JSON): always run */
  always: CauseRule[];
  anchored: CauseRule[];
  /** every check the anchored rules' anchors make: none passing rules them all out */
  any: Union | null;
}
let gate: Gate | undefined;

/** Every rule that can mark a response blocked, read from the registry on first use. */
function blockingGate(): Gate {
  if (gate) return gate;
  builtTableSeeded(); // a built bundle seeds the conditions read below from its table
  const rules = [...PRODUCERS.flatMap((p) => p.causes), ...GENERIC_RULES].filter((r) => r.blocks);
  const always = rules.filter((r) => condOf(r.when).atoms === null);
  const anchored = rules.filter((r) => !always.includes(r));
  gate = { always, anchored, any: unionOf(anchored.map((r) => condOf(r.when))) };
  return gate;
}

/**
 * The gate as data for light-gate.ts, made when the app and the CLI are built: the anchored blocking
 * rules' union, and how many blocking rules have no anchor (light-gate.ts carries those as code).
 */
export function blockGateData(): BlockGateData {
  const { always, anchored } = blockingGate();
  return { unanchored: always.length, union: unionData(anchored.map((r) => condOf(r.when))) };
}

/** False only when explain(input).blocked is surely false. */
export function mayBeBlocked(input: ExplainInput): boolean {
  if (isRefusalStatus(input.status)) return true;
  if (!mayBeRefusal(input.status, input.headers)) return false;
  const ctx = buildContext(input);
  // explain() lets a blocking rule count on a success status only on a short page
  if (ctx.status < 400 && ctx.textLength >= ARTICLE_TEXT) return false;
  const { always, anchored, any } = blockingGate();
  for (const rule of always) if (rule.when(ctx)) return true;
  const subject = new Subject(ctx);
  if (any && !subject.passesUnion(any)) return false;
  for (const rule of anchored) if (subject.holds(condOf(rule.when)) && rule.when(ctx)) return true;
  return false;
}
