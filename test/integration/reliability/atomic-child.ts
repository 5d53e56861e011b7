// The writer a kill -9 test kills: it saves one kind of file in a loop through the app's own code,
// printing the number of each save that completed. Bundled by atomic-kill.test.ts and run with node.
import { join } from 'node:path';
import { createChecksStore } from '../../../electron/diagnosis/checks-store';
import { saveWindowState } from '../../../electron/main/window-state';
import { localStore } from '../../../electron/secrets/local-store';
import { HistoryStore, saveRequest, writeFileAtomic, encode } from '../../../electron/workspace';
import { saveProfile } from '../../../electron/workspace/profiles';
import { EnvironmentFileSchema } from '../../../shared/model/workspace';

const [kind = '', dir = '', limit = '2000'] = process.argv.slice(2);
/** Each version fills ~200 KB with its own number, so a torn write mixes two numbers or ends early. */
export const payload = (i: number): string => `v${i};`.repeat(Math.ceil(200_000 / `v${i};`.length));

const SAVES: Record<string, (i: number) => Promise<unknown>> = {
  request: (i) => saveRequest(dir, 'orders/create.yaml', { name: 'Create', method: 'POST', url: 'https://api.example.test/orders', body: { kind: 'text', text: payload(i) } }),
  key: (i) => saveProfile(dir, 'key', { name: 'team', kind: 'bearer', hosts: ['api.example.test'], description: payload(i), token: { secret: true } } as never),
  environment: (i) => writeFileAtomic(join(dir, 'environments', 'staging.yaml'), encode(EnvironmentFileSchema, { name: 'staging', variables: { big: payload(i) } })),
  secrets: (i) => localStore(join(dir, 'secrets.json')).set('ws1/staging/token', payload(i)),
  history: (i) => new HistoryStore({ dir: join(dir, 'history') }).append({
    request: { method: 'GET', url: 'http://127.0.0.1:9/', params: [], headers: [], body: { kind: 'none' } },
    error: { code: 'connection-refused', message: payload(i).slice(0, 20_000) },
  }),
  'window-state': async (i) => saveWindowState(join(dir, 'window-state.json'), { width: 1000 + i, height: 700, maximized: false }),
  checks: (i) => createChecksStore(join(dir, 'checks.json')).set({ kind: 'file', workspace: 'ws1', path: 'a.yaml' }, `step-${process.pid}-${i}`, true),
};

async function main(): Promise<void> {
  const save = SAVES[kind];
  if (!save) throw new Error(`unknown kind ${kind}`);
  for (let i = 1; i <= Number(limit); i++) {
    await save(i);
    process.stdout.write(`${i}\n`);
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(3);
});
