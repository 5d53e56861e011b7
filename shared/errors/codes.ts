// Every error code the backend returns, each with its category, and the one mapping from a
// category to the CLI's exit status. Errors travel as `{code, message}` data; this is the list
// their codes come from (a test greps electron/ for codes missing here).
import { z } from 'zod';
import { SendErrorCodeSchema, type SendErrorCode } from '../model/send-error';
import { EXIT_CODE } from './exit';

export { EXIT_CODE };

/** usage: the input named something wrong (a file, a name, an argument); failure: the work ran and did not succeed. */
export type ErrorCategory = 'usage' | 'failure';

/** Codes besides the send failures (which are all `failure`: the request could not be sent). */
const OTHER_CODES = {
  // the request, workspace or flags name something that is not there or not valid
  'invalid-arguments': 'usage',
  'unresolved-variable': 'usage',
  'unknown-environment': 'usage',
  'unknown-profile': 'usage',
  'invalid-profile': 'usage',
  'broken-file': 'usage',
  'not-found': 'usage',
  'not-a-request': 'usage',
  'not-a-workspace': 'usage',
  'already-a-workspace': 'usage',
  'forbidden-path': 'usage',
  'invalid-move': 'usage',
  'invalid-defaults': 'usage',
  'invalid-out': 'usage',
  exists: 'usage',
  'import-failed': 'usage',
  'not-a-secret': 'usage',
  'not-open': 'usage',
  // the work ran into something outside the input: a file changed under it, a store that cannot be read
  conflict: 'failure',
  'keychain-unavailable': 'failure',
  'keychain-error': 'failure',
  'local-store-unreadable': 'failure',
  'secrets-not-moved': 'failure',
  // a Bruno or Insomnia pre-request script failed, so its request was not sent (as those tools do)
  'script-failed': 'failure',
  'history-unreadable': 'failure',
  'history-clear-failed': 'failure',
  /** a probe family could not build its variants (reported as a probe that did not run) */
  'probe-plan': 'failure',
  /** the checklist ticks file of the app's data folder cannot be read (kept as it is) */
  'checks-unreadable': 'failure',
  /** the app's settings.json is not valid settings (named, never replaced in silence), or cannot be written */
  'settings-unreadable': 'failure',
  'settings-write-failed': 'failure',
  internal: 'failure',
  // `clearance serve` and the app's IPC bridge refuse a caller that is not the app
  'foreign-host': 'usage',
  'foreign-origin': 'usage',
  'missing-token': 'usage',
  'wrong-token': 'usage',
  'forbidden-sender': 'usage',
  'method-not-allowed': 'usage',
  'unsupported-media-type': 'usage',
  'unknown-channel': 'usage',
  'invalid-json': 'usage',
} as const satisfies Record<string, ErrorCategory>;

type OtherCode = keyof typeof OTHER_CODES;
export type ErrorCode = SendErrorCode | OtherCode;

export const ERROR_CODES = [...SendErrorCodeSchema.options, ...(Object.keys(OTHER_CODES) as OtherCode[])] as [ErrorCode, ...ErrorCode[]];
export const ErrorCodeSchema = z.enum(ERROR_CODES);

const CATEGORY: ReadonlyMap<string, ErrorCategory> = new Map<string, ErrorCategory>([
  ...SendErrorCodeSchema.options.map((c) => [c, 'failure'] as const),
  ...Object.entries(OTHER_CODES),
]);

export function isErrorCode(code: string): code is ErrorCode {
  return CATEGORY.has(code);
}

/** A code outside the enum (a newer backend, a transport error) counts as a failure, never as the user's fault. */
export function errorCategory(code: string): ErrorCategory {
  return CATEGORY.get(code) ?? 'failure';
}

/** The exit status of a CLI command that stopped on this error: 2 for usage, 1 for failure. */
export function exitCodeFor(code: string): 1 | 2 {
  return EXIT_CODE[errorCategory(code)];
}
