// Same-origin Origin and Referer headers: CSRF checks and hotlink rules refuse a request without
// them (or with another site's). Only the request's own origin is ever sent: nothing is spoofed.
import { withHeader } from '../edit';
import type { ProbeFamily } from '../types';

export const originRefererProbe: ProbeFamily = {
  id: 'origin-referer',
  priority: (ctx) => (ctx.explanation.cause === 'csrf' ? 90 : ctx.explanation.cause === 'resource-policy-deny' ? 50 : 20),
  variants: (ctx) => {
    const origin = new URL(ctx.baseline.url).origin;
    const prepared = withHeader(withHeader(ctx.baseline, 'Origin', origin), 'Referer', `${origin}/`);
    return [{
      id: 'origin-referer:same-origin', family: 'origin-referer', change: `Origin ${origin} and Referer ${origin}/`, prepared,
      cause: 'csrf', step: 'server',
      meaning: {
        onSuccess: 'with a same-origin Origin and Referer the call succeeds: a CSRF or hotlink check wants them',
        onSame: 'a same-origin Origin and Referer change nothing',
      },
    }];
  },
};
