import { defaultDemoDir, LESSONS, startDemoServer, writeDemoWorkspace } from '../../demo';
import { UsageError } from '../exit-codes';
import { colorEnabled, palette } from '../output/colors';
import { untilInterrupted } from '../interrupted';

export interface DemoFlags { port?: string; dir?: string }

/** `clearance demo`: the demo API on 127.0.0.1 and its sample workspace; runs until interrupted. */
export async function runDemo(flags: DemoFlags): Promise<number> {
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got ${flags.port}`);
  const server = await startDemoServer({ port });
  try {
    const ws = await writeDemoWorkspace(flags.dir ?? defaultDemoDir(), server.url);
    const p = palette(colorEnabled(process.stdout));
    const q = (s: string) => (/^[\w./:@-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
    const first = ws.requests[0] ?? '';
    const width = Math.max(...LESSONS.map((l) => l.title.length));
    const lines = [
      `${p.bold('Clearance demo API')}: ${server.url}`,
      `${p.bold('Workspace')}: ${ws.root}  (environment ${ws.env})`,
      '',
      ...LESSONS.map((l, i) => `  ${l.title.padEnd(width)}  ${p.dim(ws.requests[i] ?? '')}`),
      '',
      `Try this, in the workspace folder (cd ${q(ws.root)}):`,
      `  ${p.dim('# a 403, and which layer refused it and why')}`,
      `  clearance send ${first} --env ${ws.env}`,
      `  ${p.dim('# the same request with the key in the X-API-Key header: 200')}`,
      `  clearance send ${first} --env ${ws.env} --key demo-key`,
      `  ${p.dim('# the whole explanation of the response, offline')}`,
      `  clearance send ${first} --env ${ws.env} --json | clearance explain -`,
      `  ${p.dim('# re-send safe variants until one gets through')}`,
      `  clearance diagnose ${first} --env ${ws.env}`,
      '',
      'Or open that folder in the app (Open folder). Ctrl+C stops the server.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (err) {
    await server.close();
    throw err;
  }
  await untilInterrupted();
  await server.close();
  return 0;
}
