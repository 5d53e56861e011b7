import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Spawned { code: number; stdout: string; stderr: string }

function run(cmd: string, args: string[], env: Record<string, string | undefined>, timeoutMs: number): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs a command inside a private D-Bus session with an unlocked gnome-keyring whose data lives in
 * a fresh temp HOME/XDG_DATA_HOME (never the real keyring). Returns its output once it exits.
 */
export async function withKeyring(argv: string[], extraEnv: Record<string, string> = {}, timeoutMs = 60_000): Promise<Spawned & { home: string }> {
  const home = await mkdtemp(join(tmpdir(), 'clearance-keyring-'));
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: undefined, DBUS_SESSION_BUS_ADDRESS: undefined, ...extraEnv };
  const script = `echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; ${argv.map(quote).join(' ')}`;
  try {
    const r = await run('dbus-run-session', ['--', 'bash', '-c', script], env, timeoutMs);
    return { ...r, home };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** Runs a command with a D-Bus address that leads nowhere: no keychain reachable. */
export function withoutKeyring(argv: string[], extraEnv: Record<string, string> = {}): Promise<Spawned> {
  return run(argv[0]!, argv.slice(1), { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', ...extraEnv }, 30_000);
}

/** `node --import tsx <script>`: runs a TypeScript fixture as its own process. */
export function tsNode(script: string, ...args: string[]): string[] {
  return [process.execPath, '--import', 'tsx', script, ...args];
}
