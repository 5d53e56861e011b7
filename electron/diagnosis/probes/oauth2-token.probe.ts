// OAuth 2 token calls: a client credentials key fetches its token at send time, and the send's
// timeline says what the token endpoint granted against what the key profile asked for. Read
// without a request: a requested scope the authorization server did not grant is a refusal no
// client-side change can fix (the token simply lacks it), so the finding says whom to ask for what.
import { readTokenNote, scopeDifference } from '../../engine/auth/oauth2-client-credentials';
import type { Finding, ProbeFamily } from '../types';

export const oauth2TokenProbe: ProbeFamily = {
  id: 'oauth2-token',
  // Nothing to send: the token exchange already happened with the baseline.
  priority: () => 0,
  variants: () => [],
  findings: (ctx) => {
    const note = readTokenNote(ctx.response.timeline);
    if (!note) return [];
    const key = ctx.baseline.key?.profile.kind === 'oauth2-client-credentials' ? ctx.baseline.key.profile : null;
    const client = key ? `client ${key.clientId}` : 'this client';
    const base = { family: 'oauth2-token', step: 'auth' as const, id: 'oauth2-token:scope' };
    const { missing, extra } = scopeDifference(note);
    const granted = note.granted ? (note.granted.join(' ') || 'no scope') : 'the scopes asked for (the answer did not list them)';
    if (missing.length) {
      const out: Finding = { ...base, state: 'fail', cause: 'insufficient-permissions',
        text: `The authorization server (${note.tokenUrl}) did not grant scope ${missing.join(' ')}: asked for ${note.asked.join(' ')}, granted ${granted}`,
        ask: `Ask the authorization server's admin (${new URL(note.tokenUrl).host}) to grant scope ${missing.join(' ')} to ${client}: its token carries ${granted}.` };
      return [out];
    }
    const more = extra.length ? `, and ${extra.join(' ')} not asked for` : '';
    return [{ ...base, state: 'pass', text: `The authorization server (${note.tokenUrl}) granted every scope asked for (${note.asked.join(' ') || 'none'})${more}` }];
  },
};
