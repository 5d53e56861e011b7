// The same request again: a refusal that does not repeat is intermittent (a flapping backend, a
// time window, a challenge that passed) and no setting needs to change.
import { clone } from '../edit';
import type { ProbeFamily } from '../types';

export const replayProbe: ProbeFamily = {
  id: 'replay',
  priority: (ctx) => (ctx.explanation.cause === 'other' || ctx.explanation.confidence < 0.4 ? 70 : 20),
  variants: (ctx) => [{
    id: 'replay:same', family: 'replay', change: 'the same request, sent again', prepared: clone(ctx.baseline),
    cause: 'other', step: 'server',
    meaning: {
      onSuccess: 'the same request succeeded on a second try: the refusal is intermittent (a flapping backend, a time window or a challenge that passed)',
      onSame: 'sent again unchanged, it is refused the same way: the refusal is deterministic',
    },
  }],
};
