// The same path with GET, HEAD and OPTIONS: a method rule refuses one method and not another. A
// HEAD or OPTIONS that succeeds is confirmed with the real method before it counts as a fix.
import { withMethod } from '../edit';
import type { ProbeFamily, ProbeVariant } from '../types';

export const methodProbe: ProbeFamily = {
  id: 'method',
  priority: (ctx) => (ctx.explanation.cause === 'method-or-path-blocked' ? 75 : 25),
  variants: (ctx) => {
    const out: ProbeVariant[] = [];
    for (const m of ['GET', 'HEAD', 'OPTIONS']) {
      if (m === ctx.baseline.method) continue;
      out.push({
        id: `method:${m.toLowerCase()}`, family: 'method', change: `method ${m} instead of ${ctx.baseline.method}`, prepared: withMethod(ctx.baseline, m),
        // Another method is another operation: it tells which rule refuses, it never fixes the user's call.
        cause: 'method-or-path-blocked', step: 'gateway', diagnosticOnly: true,
        meaning: {
          onSuccess: `${m} on the same path is allowed: a rule refuses the method ${ctx.baseline.method} here, not the path or the caller`,
          onSame: `${m} is refused the same way: the refusal does not depend on the method`,
        },
      });
    }
    return out;
  },
};
