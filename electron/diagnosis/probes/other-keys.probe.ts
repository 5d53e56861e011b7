// Each other key profile of the workspace bound to this host, prepared through the one path: a key
// that works points at the one sent (wrong key, missing scope or permission on it).
import type { ProbeFamily, ProbeVariant } from '../types';

const AUTH_CAUSES = new Set(['missing-credentials', 'invalid-credentials', 'insufficient-permissions', 'resource-policy-deny', 'account-or-plan-restriction']);
const MAX_KEYS = 5;

export const otherKeysProbe: ProbeFamily = {
  id: 'other-keys',
  priority: (ctx) => (ctx.otherKeys.length === 0 ? 0 : AUTH_CAUSES.has(ctx.explanation.cause) ? 80 : 40),
  variants: async (ctx) => {
    const out: ProbeVariant[] = [];
    for (const name of ctx.otherKeys.slice(0, MAX_KEYS)) {
      // A key that cannot be prepared for this request (unbound host, missing secret) is no probe.
      const prepared = await ctx.prepareWith({ key: name }).catch(() => null);
      if (!prepared) continue;
      out.push({
        id: `other-keys:${name}`, family: 'other-keys', change: `with key profile "${name}" instead of ${ctx.baseline.key ? `"${ctx.baseline.key.name}"` : 'no key'}`,
        prepared, cause: 'insufficient-permissions', step: 'auth',
        meaning: {
          onSuccess: `key profile "${name}" is allowed: the key you sent lacks the permission, scope or plan this call needs`,
          onSame: `key profile "${name}" is refused the same way`,
        },
      });
    }
    return out;
  },
};
