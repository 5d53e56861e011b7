// The demo: a local API with classic refusals (./routes), served on 127.0.0.1 (./server), and a
// sample workspace pointed at it (./workspace). The app's backend keeps one demo server per process.
import { startDemoServer, type DemoServer } from './server';
import { defaultDemoDir, writeDemoWorkspace, type DemoWorkspace } from './workspace';

export { startDemoServer, type DemoServer, type DemoHit } from './server';
export { writeDemoWorkspace, defaultDemoDir, DEMO_ENV, DEMO_NAME, LESSONS, type DemoWorkspace } from './workspace';
export { DEMO_API_KEY, DEMO_ROUTES, REPORTS_SCOPE } from './routes';
export { DEMO_JWT_SECRET, signDemoJwt } from './jwt';

export interface RunningDemo extends DemoWorkspace { url: string }

let server: Promise<DemoServer> | null = null;

/**
 * Starts the demo server once per process (a second call reuses it) and (re)writes the workspace
 * pointed at it, so the environment always names the port that answers.
 */
export async function ensureDemo(dir: string = defaultDemoDir()): Promise<RunningDemo> {
  server ??= startDemoServer().catch((err: unknown) => {
    server = null; // a failed start is retried by the next call
    throw err;
  });
  const s = await server;
  return { ...(await writeDemoWorkspace(dir, s.url)), url: s.url };
}

/** Stops the process's demo server, if one runs (the next ensureDemo starts a new one). */
export async function stopDemo(): Promise<void> {
  const s = server;
  server = null;
  if (s) await (await s).close();
}
