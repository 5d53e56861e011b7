import { authHeader, type ApplyKey } from './types';
import { secretOf } from './secrets';
import type { KeyProfileOf } from '../../../shared/model';

/** Authorization: Bearer <token> (or another scheme word). */
export const applyBearer: ApplyKey<KeyProfileOf<'bearer'>> = (profile, secrets) => ({
  headers: [authHeader('Authorization', `${profile.scheme} ${secretOf(secrets, 'token', profile.name)}`)],
  query: [],
});
