// What an import wrote, as files on disk: the truth the import specs compare against
// `clearance import` for the same input.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { runCli, type CliResult } from '../../support/cli';

/** Every file under `dir`, relative, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

/** Request files: every YAML but the workspace's, the folders' and those of environments and profiles. */
export const requestFiles = (files: string[]) => files.filter((f) => f.endsWith('.yaml') && basename(f) !== 'folder.yaml'
  && f !== 'clearance.yaml' && !/^(environments|keys|gateways)\//.test(f));

/** `clearance import FORMAT INPUT` into a new folder, secrets kept in a throwaway home; returns the folder. */
export async function cliImport(format: string, input: string): Promise<{ out: string; res: CliResult }> {
  const out = join(mkdtempSync(join(tmpdir(), 'clearance-drop-cli-')), 'imported');
  const res = await runCli(['import', format, input, '--out', out],
    { env: { CLEARANCE_HOME: mkdtempSync(join(tmpdir(), 'clearance-drop-home-')), DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' } });
  return { out, res };
}
