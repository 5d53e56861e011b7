// One file per key kind; `applyKey` picks the right one. The kinds that sign, fetch a token or answer
// a challenge (aws4, crypto, a token cache) load on their first use: a plain send never pays for them.
import { applyApiKey } from './api-key';
import { applyBasic } from './basic';
import { applyBearer } from './bearer';
import { applyCustomHeaders } from './custom-headers';
import type { AuthEdits, AuthEnv } from './types';
import type { KeyProfile, ResolvedSecrets } from '../../../shared/model';

export async function applyKey(profile: KeyProfile, secrets: ResolvedSecrets, env: AuthEnv): Promise<AuthEdits> {
  switch (profile.kind) {
    case 'api-key': return applyApiKey(profile, secrets, env);
    case 'bearer': return applyBearer(profile, secrets, env);
    case 'basic': return applyBasic(profile, secrets, env);
    case 'digest': return (await import('./digest')).applyDigest(profile, secrets, env);
    case 'oauth2-client-credentials': return (await import('./oauth2-client-credentials')).applyOAuth2ClientCredentials(profile, secrets, env);
    case 'aws-sigv4': return (await import('./aws-sigv4')).applyAwsSigV4(profile, secrets, env);
    case 'custom-headers': return applyCustomHeaders(profile, secrets, env);
  }
}

export type { AuthEdits, AuthEnv, FinalRequest } from './types';
