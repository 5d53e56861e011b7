import { authHeader, type ApplyKey } from './types';
import { secretOf } from './secrets';
import type { KeyProfileOf } from '../../../shared/model';

/** Authorization: Basic base64(user:password), UTF-8 as RFC 7617 recommends. */
export const applyBasic: ApplyKey<KeyProfileOf<'basic'>> = (profile, secrets) => {
  const password = secretOf(secrets, 'password', profile.name);
  const token = Buffer.from(`${profile.username}:${password}`, 'utf8').toString('base64');
  return { headers: [authHeader('Authorization', `Basic ${token}`)], query: [] };
};
