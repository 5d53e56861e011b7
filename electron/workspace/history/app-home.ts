import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The app's data folder, shared by the app and the CLI: CLEARANCE_HOME when set, else the
 * platform's place (XDG on Linux, Application Support on macOS, %APPDATA% on Windows).
 */
export function appHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CLEARANCE_HOME) return env.CLEARANCE_HOME;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Clearance');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Clearance');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'clearance');
}
