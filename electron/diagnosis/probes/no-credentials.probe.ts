// The request without its credential: a 401 means the layer checks credentials (so the one sent
// was refused for what it is), the same refusal means it refuses before authentication (IP, WAF,
// path or method rule), and a 2xx means the credential itself is what is refused.
import { findCredential, stripCredential, describePlacement } from '../credentials';
import { withoutKey } from '../edit';
import type { ProbeFamily } from '../types';

const AUTH_CAUSES = new Set(['missing-credentials', 'invalid-credentials', 'insufficient-permissions', 'resource-policy-deny']);

export const noCredentialsProbe: ProbeFamily = {
  id: 'no-credentials',
  priority: (ctx) => (!ctx.baseline.key && !findCredential(ctx.baseline) ? 0 : AUTH_CAUSES.has(ctx.explanation.cause) ? 85 : 60),
  variants: (ctx) => {
    const cred = findCredential(ctx.baseline);
    const prepared = cred ? stripCredential(ctx.baseline, cred) : withoutKey(ctx.baseline);
    const what = cred ? `the credential (${describePlacement(cred.at)})` : `key "${ctx.baseline.key?.name}"`;
    return [{
      id: 'no-credentials:none', family: 'no-credentials', change: `without ${what}`, prepared, diagnosticOnly: true,
      cause: 'invalid-credentials', step: 'auth',
      meaning: {
        onSuccess: 'without credentials the call succeeds: the credential you send is itself refused (a key restricted to other callers, or revoked)',
        onSame: 'without credentials the refusal is the same: the layer refuses before it looks at credentials (an IP, WAF, path or method rule)',
        onOther: (status) => (status === 401
          ? 'without credentials the layer answers 401: it checks credentials, so your 403 is about the credential you send (wrong key, missing permission or scope)'
          : `without credentials the answer changes to ${status}: the layer reads the credential you send`),
      },
    }];
  },
};
