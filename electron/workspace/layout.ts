import { FOLDER_FILE, RESERVED_DIRS, WORKSPACE_FILE } from '../../shared/model';
import { isTempFile } from './atomic-write';

export const ENV_DIR = 'environments';
export const KEYS_DIR = 'keys';
export const GATEWAYS_DIR = 'gateways';
/** The expected access matrix (`clearance matrix`), at the root beside clearance.yaml: not a request. */
export const ACCESS_FILE = 'access.yaml';

export function isYaml(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

/** Entries of a folder that are part of the request tree (dot files, temp files, reserved dirs are not). */
export function isTreeEntry(name: string, isDir: boolean, atRoot: boolean): boolean {
  if (name.startsWith('.') || isTempFile(name)) return false;
  if (isDir) return atRoot ? !(RESERVED_DIRS as readonly string[]).includes(name) : name !== 'node_modules';
  if (name === FOLDER_FILE || (atRoot && (name === WORKSPACE_FILE || name === ACCESS_FILE))) return false;
  return isYaml(name);
}

/** Explicit order first (names with or without .yaml), then the rest alphabetically. */
export function sortEntries(names: string[], order: string[] | undefined): string[] {
  const rest = [...names].sort((a, b) => a.localeCompare(b, 'en'));
  if (!order?.length) return rest;
  const out: string[] = [];
  for (const o of order) {
    const hit = rest.find((n) => n === o || n === `${o}.yaml` || n === `${o}.yml`);
    if (hit && !out.includes(hit)) out.push(hit);
  }
  return [...out, ...rest.filter((n) => !out.includes(n))];
}
