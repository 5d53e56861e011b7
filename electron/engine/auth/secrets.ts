import { SendFailure } from '../send-failure';
import type { ResolvedSecrets } from '../../../shared/model';

/** The resolved value of a secret field, or a key-secret-missing failure naming it. */
export function secretOf(secrets: ResolvedSecrets, field: string, profile: string, what = 'Key'): string {
  const v = secrets[field];
  if (v === undefined) {
    throw new SendFailure('key-secret-missing', `${what} profile "${profile}": secret ${field} has no value`);
  }
  return v;
}
