// A `clearance serve` of the test's own (a fresh data folder: a history no other spec wrote) and
// scratch folders, all stopped and removed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from './fixtures';
import { startClearanceServe, type ServeHandle } from './serve';

export interface OwnServe {
  start(): Promise<ServeHandle>;
  /** A new folder under the OS's temp folder, removed after the test. */
  scratch(prefix: string): string;
}

/** Call at the top of a spec file: registers the clean-up with test.afterEach. */
export function ownServeEach(): OwnServe {
  let serve: ServeHandle | undefined;
  const dirs: string[] = [];
  test.afterEach(async () => {
    await serve?.stop();
    serve = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    start: async () => (serve = await startClearanceServe()),
    scratch: (prefix) => {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
  };
}
