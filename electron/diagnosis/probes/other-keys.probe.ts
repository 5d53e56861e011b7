// Each other key profile of the workspace bound to this host, prepared through the one path: a key
// that works points at the one sent (wrong key, missing scope or permission on it). When the refusal
// names a scope, the keys whose token carries it go first.
import { decodeJwt, missingScopes } from '../../../shared/profiles';
import type { PreparedRequest } from '../../pipeline/prepared';
import { bearerError, jwtOf } from './jwt-claims.probe';
import type { ProbeFamily, ProbeVariant } from '../types';

const AUTH_CAUSES = new Set(['missing-credentials', 'invalid-credentials', 'insufficient-permissions', 'resource-policy-deny', 'account-or-plan-restriction']);
const MAX_KEYS = 5;

/** Whether the key's token is a current JWT carrying every scope asked for (null: it is no JWT, or none is asked for). */
function carries(p: PreparedRequest, scopes: readonly string[], now: number): boolean | null {
  const jwt = scopes.length ? jwtOf(p) : null;
  const info = jwt ? decodeJwt(jwt.token, { now }) : null;
  return info?.ok ? missingScopes(scopes, info.value).length === 0 && info.value.status !== 'expired' && info.value.status !== 'not-yet-valid' : null;
}

export const otherKeysProbe: ProbeFamily = {
  id: 'other-keys',
  priority: (ctx) => (ctx.otherKeys.length === 0 ? 0 : AUTH_CAUSES.has(ctx.explanation.cause) ? 80 : 40),
  variants: async (ctx) => {
    const scopes = bearerError(ctx.response).scopes;
    const ready: Array<{ name: string; prepared: PreparedRequest; has: boolean | null }> = [];
    for (const name of ctx.otherKeys) {
      // A key that cannot be prepared for this request (unbound host, missing secret) is no probe.
      const prepared = await ctx.prepareWith({ key: name }).catch(() => null);
      if (prepared) ready.push({ name, prepared, has: carries(prepared, scopes, ctx.now()) });
    }
    // A current token with the scope first, one known to lack it (or expired) last: the budget goes to the likely key.
    const rank = (h: boolean | null): number => (h === true ? 0 : h === null ? 1 : 2);
    ready.sort((a, b) => rank(a.has) - rank(b.has));
    const out: ProbeVariant[] = [];
    for (const { name, prepared, has } of ready.slice(0, MAX_KEYS)) {
      const why = has ? ` (its token carries scope ${scopes.join(' ')})` : '';
      out.push({
        id: `other-keys:${name}`, family: 'other-keys', change: `with key profile "${name}"${why} instead of ${ctx.baseline.key ? `"${ctx.baseline.key.name}"` : 'no key'}`,
        prepared, cause: 'insufficient-permissions', step: 'auth',
        meaning: {
          onSuccess: has
            ? `key profile "${name}", whose token carries scope ${scopes.join(' ')}, is allowed: the key you sent lacks that scope`
            : `key profile "${name}" is allowed: the key you sent lacks the permission, scope or plan this call needs`,
          onSame: `key profile "${name}" is refused the same way`,
        },
      });
    }
    return out;
  },
};
