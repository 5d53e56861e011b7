import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createEventHub, createHandlers } from '../../services';
import { startServe } from '../../serve/server';
import { UsageError } from '../exit-codes';
import { packageVersion, rendererDir } from '../paths';
import { untilInterrupted } from '../interrupted';
import { keepServingOnUnhandledRejection } from '../../serve/process-guard';

export interface ServeFlags { port?: string; open?: boolean }

/** `clearance serve`: the app's UI in a browser over loopback; runs until interrupted. */
export async function runServe(flags: ServeFlags): Promise<number> {
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got ${flags.port}`);
  // A fixed token (env, not a flag: flags show in `ps`) lets an open tab carry on after a restart.
  const token = process.env.CLEARANCE_SERVE_TOKEN || undefined;
  if (token !== undefined && !/^[\w-]{16,}$/.test(token)) throw new UsageError('CLEARANCE_SERVE_TOKEN must be at least 16 letters, digits, - or _');
  const staticDir = rendererDir();
  if (!existsSync(staticDir)) throw new UsageError(`the UI is not built (${staticDir} is missing): run npm run build`);
  keepServingOnUnhandledRejection();
  const events = createEventHub();
  const server = await startServe({ handlers: createHandlers({ transport: 'http', version: packageVersion(), events }), staticDir, port, events, ...(token ? { token } : {}) });
  process.stdout.write(`Clearance UI: ${server.url}\n`);
  process.stdout.write('Open that URL in a browser (it carries the access token). Ctrl+C stops the server.\n');
  if (flags.open) {
    const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    spawn(opener, [server.url], { stdio: 'ignore', detached: true }).on('error', (err) => {
      process.stderr.write(`could not open a browser (${err.message}): open the URL above yourself\n`);
    }).unref();
  }
  await untilInterrupted();
  await server.close();
  return 0;
}
