// `clearance secrets list [DIR]` and `clearance secrets move DIR --to keychain|local-store`: where
// each secret of a workspace is kept (never its value), and moving them between the OS keychain
// and the local store. The work is electron/secrets/workspace-secrets.ts, shared with the app.
import { resolve } from 'node:path';
import type { StoreName } from '../../secrets/placement';
import { slotLabel, type SecretSlot } from '../../secrets/slots';
import { listWorkspaceSecrets, moveWorkspaceSecrets, type SecretRow } from '../../secrets/workspace-secrets';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../exit-codes';
import { findWorkspaceRoot } from '../workspace-send';
import { escapeControls } from '../output/safe-text';

export interface SecretsFlags { json?: boolean; to?: string }

const STORE_WORDS: Record<StoreName, string> = { keychain: 'the OS keychain', 'local-store': 'the local store' };

async function rootOf(dir: string | undefined): Promise<string> {
  const root = await findWorkspaceRoot(resolve(dir ?? '.'));
  if (!root) throw new UsageError(`${dir ?? '.'}: not in a Clearance workspace (no clearance.yaml there or above)`);
  return root;
}

function sourceText(s: SecretRow): string {
  const main = s.source === 'env' ? `env ${s.env}` : s.source === 'local-store' ? 'local store' : s.source;
  const also = s.stored.filter((x) => x !== s.source).map((x) => (x === 'local-store' ? 'local store' : x));
  return `${main}${also.length ? ` (also in: ${also.join(', ')})` : ''}${s.source === 'missing' && s.env ? ` (env ${s.env} unset)` : ''}`;
}

export async function runSecretsList(dir: string | undefined, flags: SecretsFlags): Promise<number> {
  const report = await listWorkspaceSecrets(await rootOf(dir));
  for (const p of report.problems) process.stderr.write(`warning: ${escapeControls(p)}\n`);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT_OK;
  }
  const { secrets: states } = report;
  if (states.length === 0) {
    process.stdout.write(`${report.workspace}: no secrets declared (no {secret: true} in environments/, keys/ or gateways/)\n`);
    return EXIT_OK;
  }
  const rows = states.map((s) => [s.scope === 'environment' ? `environment ${s.owner}` : `${s.scope} profile ${s.owner}`, s.name, sourceText(s)] as const);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  process.stdout.write(`${rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}\n`).join('')}`);
  const notes = [...new Set(states.flatMap((s) => (s.note ? [s.note] : [])))];
  for (const n of notes) process.stdout.write(`keychain: ${n}\n`);
  process.stdout.write(`Order a send looks in: env variable (env:) > OS keychain > local store (${report.localStore}).\n`);
  return EXIT_OK;
}

export async function runSecretsMove(dir: string, flags: SecretsFlags): Promise<number> {
  const to = flags.to as StoreName | undefined;
  if (to !== 'keychain' && to !== 'local-store') throw new UsageError(`--to ${flags.to ?? ''}: use keychain or local-store`);
  const root = await rootOf(dir);
  let r;
  try {
    r = await moveWorkspaceSecrets(root, to);
  } catch (err) {
    const info = (err as { info?: { message: string; remedy?: string } }).info;
    process.stderr.write(`clearance: nothing more moved: ${info ? `${info.message}. ${info.remedy ?? ''}`.trim() : (err as Error).message}\n`);
    return EXIT_FAILURE;
  }
  for (const p of r.problems) process.stderr.write(`warning: ${escapeControls(p)}\n`);
  if (flags.json) {
    const names = (l: SecretSlot[]) => l.map(slotLabel);
    process.stdout.write(`${JSON.stringify({ to, localStore: r.localStore, moved: names(r.moved), already: names(r.already), absent: names(r.absent), undeclared: r.undeclared }, null, 2)}\n`);
    return EXIT_OK;
  }
  const list = (l: SecretSlot[]) => l.map(slotLabel).join(', ');
  process.stdout.write(`Moved ${r.moved.length + r.undeclared} secret(s) to ${STORE_WORDS[to]}${r.moved.length ? `: ${list(r.moved)}` : ''}${r.undeclared ? ` (and ${r.undeclared} no file declares)` : ''}.\n`);
  if (r.already.length) process.stdout.write(`Already there: ${list(r.already)}.\n`);
  if (r.absent.length) process.stdout.write(`Stored nowhere (given by env: or not set): ${list(r.absent)}.\n`);
  if (to === 'local-store') process.stdout.write(`Local store: ${r.localStore} (readable by you alone).\n`);
  return EXIT_OK;
}
