import { authHeader, type ApplyKey } from './types';
import { secretOf } from './secrets';
import type { KeyProfileOf } from '../../../shared/model';

/** An API key in a header (name configurable, optional prefix) or a query parameter. */
export const applyApiKey: ApplyKey<KeyProfileOf<'api-key'>> = (profile, secrets) => {
  const key = secretOf(secrets, 'key', profile.name);
  if (profile.in === 'query') return { headers: [], query: [{ name: profile.param, value: key }] };
  return { headers: [authHeader(profile.param, `${profile.prefix}${key}`)], query: [] };
};
