import { authHeader, type ApplyKey } from './types';
import { secretOf } from './secrets';
import type { KeyProfileOf } from '../../../shared/model';

/** A set of headers, literal or secret (`headers.<Name>` in the secrets). */
export const applyCustomHeaders: ApplyKey<KeyProfileOf<'custom-headers'>> = (profile, secrets) => ({
  headers: profile.headers.map((h) => authHeader(h.name, typeof h.value === 'string' ? h.value : secretOf(secrets, `headers.${h.name}`, profile.name))),
  query: [],
});
