// Whether explain() could mark a response blocked, answered without explaining it. For a status
// that is not a refusal of its own (a 200, a 302), explain() says blocked only when a rule marked
// `blocks` matches (a block page, a JSON error envelope served with 200); this runs those rules
// alone, every producer's and the generic ones, so "false" is certain and "true" means "explain it".
// The runner uses it to skip the explainer for the ordinary 2xx responses of a collection.
import { condOf, Subject } from './anchor-index';
import { buildContext } from './context';
import { ARTICLE_TEXT } from './producers/define';
import { PRODUCERS } from './producers/index';
import { isRefusalStatus, mayBeRefusal } from './refusal';
import { GENERIC_RULES } from './signals/index';
import type { CauseRule, ExplainInput } from './types';

let blockingRules: CauseRule[] | undefined;

/** Every rule that can mark a response blocked, read from the registry on first use. */
function rulesThatBlock(): CauseRule[] {
  blockingRules ??= [...PRODUCERS.flatMap((p) => p.causes), ...GENERIC_RULES].filter((r) => r.blocks);
  return blockingRules;
}

/** False only when explain(input).blocked is surely false. */
export function mayBeBlocked(input: ExplainInput): boolean {
  if (isRefusalStatus(input.status)) return true;
  if (!mayBeRefusal(input.status, input.headers)) return false;
  const ctx = buildContext(input);
  // explain() lets a blocking rule count on a success status only on a short page
  if (ctx.status < 400 && ctx.textLength >= ARTICLE_TEXT) return false;
  const subject = new Subject(ctx);
  for (const rule of rulesThatBlock()) {
    if (subject.holds(condOf(rule.when)) && rule.when(ctx)) return true;
  }
  return false;
}
