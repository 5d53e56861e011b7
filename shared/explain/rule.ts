import type { Matcher } from './match';
import type { CauseId, CauseRule } from './types';

type Extra = Partial<Pick<CauseRule, 'why' | 'fix' | 'blocks' | 'template' | 'words'>>;

/** Shorthand for a cause rule. */
export function rule(cause: CauseId, confidence: number, when: Matcher, extra: Extra = {}): CauseRule {
  return { cause, confidence, when, ...extra };
}
