/** docs/cli.md: 0 done, 1 the work ran and found failures, 2 bad input or usage. */
// No zod here (every command loads this at start-up): the numbers come from the zod-free half of
// shared/errors, whose codes.ts maps each error code to one of them.
import { EXIT_CODE } from '../../shared/errors/exit';

export const EXIT_OK = EXIT_CODE.ok;
export const EXIT_FAILURE = EXIT_CODE.failure;
export const EXIT_USAGE = EXIT_CODE.usage;

/** Thrown by commands for bad input; the entry prints one line and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
