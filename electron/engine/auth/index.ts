// One file per key kind; `applyKey` picks the right one.
import { applyApiKey } from './api-key';
import { applyAwsSigV4 } from './aws-sigv4';
import { applyBasic } from './basic';
import { applyBearer } from './bearer';
import { applyCustomHeaders } from './custom-headers';
import { applyDigest } from './digest';
import { applyOAuth2ClientCredentials } from './oauth2-client-credentials';
import type { AuthEdits, AuthEnv } from './types';
import type { KeyProfile, ResolvedSecrets } from '../../../shared/model';

export async function applyKey(profile: KeyProfile, secrets: ResolvedSecrets, env: AuthEnv): Promise<AuthEdits> {
  switch (profile.kind) {
    case 'api-key': return applyApiKey(profile, secrets, env);
    case 'bearer': return applyBearer(profile, secrets, env);
    case 'basic': return applyBasic(profile, secrets, env);
    case 'digest': return applyDigest(profile, secrets, env);
    case 'oauth2-client-credentials': return applyOAuth2ClientCredentials(profile, secrets, env);
    case 'aws-sigv4': return applyAwsSigV4(profile, secrets, env);
    case 'custom-headers': return applyCustomHeaders(profile, secrets, env);
  }
}

export type { AuthEdits, AuthEnv, FinalRequest } from './types';
export { OAuth2TokenError, clearTokenCache, tokenFetchCount } from './oauth2-client-credentials';
export { signSigV4, type SigV4Input } from './aws-sigv4';
export { parseDigestChallenge, digestAuthorization, type DigestChallenge } from './digest';
