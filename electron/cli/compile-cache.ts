// Node 22.1 and later can keep V8's compiled code of the modules a process loads between runs: the
// CLI's lazily loaded chunks (the explainer's ~0.8 MB of rules above all) are then parsed once per
// build, not once per process (README, issue 12: one request −9 % instructions on Node 22). The
// cache lives in the app's own folder, which only this user writes, not the shared temp folder Node
// picks by default. Older Node (20 here) has no such API and runs as before; a cache Node cannot
// open or use is its own concern (it then compiles as usual, the command is not affected).
import module from 'node:module';
import { join } from 'node:path';
import { appHome } from '../workspace/history/app-home';

type EnableCompileCache = (directory?: string) => unknown;

/** Turns the cache on where Node offers it, unless the user turned it off (NODE_DISABLE_COMPILE_CACHE). */
export function keepCompiledCode(
  enable = (module as { enableCompileCache?: EnableCompileCache }).enableCompileCache,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (!enable || env.NODE_DISABLE_COMPILE_CACHE) return null;
  const directory = join(appHome(env), 'compile-cache');
  enable(directory);
  return directory;
}
