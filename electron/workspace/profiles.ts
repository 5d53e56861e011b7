// Key profiles (keys/<name>.yaml) and gateway profiles (gateways/<name>.yaml) on disk: read with the
// profile schemas (problems with line and column, broken files kept as they are), saved atomically in
// canonical YAML, deleted. Secret values never reach these files: only `{secret: true, env?}` refs.
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  GatewayProfileSchema, KeyProfileSchema,
  type FileProblem, type GatewayProfile, type GatewayProfileInput, type KeyProfile, type KeyProfileInput,
} from '../../shared/model';
import { writeFileAtomic } from './atomic-write';
import { toYaml } from './codec';
import { brokenFileError, workspaceError } from './errors';
import { ifMissing } from './if-missing';
import { GATEWAYS_DIR, isYaml, KEYS_DIR } from './layout';
import { readTyped, versionOf } from './read-file';
import { slugify, uniqueName } from './slug';

export type ProfileKind = 'key' | 'gateway';
type ProfileOf<K extends ProfileKind> = K extends 'key' ? KeyProfile : GatewayProfile;
type InputOf<K extends ProfileKind> = K extends 'key' ? KeyProfileInput : GatewayProfileInput;

export const PROFILE_DIRS: Record<ProfileKind, string> = { key: KEYS_DIR, gateway: GATEWAYS_DIR };
const SCHEMAS = { key: KeyProfileSchema, gateway: GatewayProfileSchema } as const;
const LABEL: Record<ProfileKind, string> = { key: 'key profile', gateway: 'gateway profile' };

/** One file of keys/ or gateways/: the parsed profile, or the problem that keeps it from loading. */
export interface ProfileEntry<K extends ProfileKind> {
  /** workspace-relative path (`keys/team.yaml`) */
  path: string;
  /** the profile's `name:` (the file name without .yaml when the file is broken) */
  name: string;
  version: string;
  profile?: ProfileOf<K>;
  problem?: FileProblem;
}

async function yamlFiles(root: string, kind: ProfileKind): Promise<string[]> {
  const names = await readdir(join(root, PROFILE_DIRS[kind])).catch(ifMissing([] as string[]));
  return names.filter((n) => isYaml(n) && !n.startsWith('.')).sort();
}

/** Every profile file of one kind, in file-name order. */
export async function listProfiles<K extends ProfileKind>(root: string, kind: K): Promise<Array<ProfileEntry<K>>> {
  const out: Array<ProfileEntry<K>> = [];
  for (const n of await yamlFiles(root, kind)) {
    const rel = `${PROFILE_DIRS[kind]}/${n}`;
    const r = await readTyped(SCHEMAS[kind] as z.ZodType<ProfileOf<K>>, join(root, PROFILE_DIRS[kind], n), rel);
    const base = n.replace(/\.ya?ml$/, '');
    if (r.ok) out.push({ path: rel, name: r.value.name, version: r.version, profile: r.value });
    else out.push({ path: rel, name: base, version: r.version, problem: r.problem });
  }
  return out;
}

function matches(e: ProfileEntry<ProfileKind>, name: string): boolean {
  const base = e.path.slice(e.path.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
  return e.name === name || base === name;
}

/** The names a user may pick, for error messages: `team, partner` or `none`. */
export function availableNames(entries: ReadonlyArray<ProfileEntry<ProfileKind>>): string {
  const names = entries.filter((e) => e.profile).map((e) => e.name);
  return names.length ? names.join(', ') : 'none';
}

export function unknownProfileError(kind: ProfileKind, name: string, entries: ReadonlyArray<ProfileEntry<ProfileKind>>): Error {
  const dir = PROFILE_DIRS[kind];
  return workspaceError('unknown-profile', `no ${LABEL[kind]} named ${name} (available: ${availableNames(entries)})`,
    `Pick one of the profiles in ${dir}/, or add ${dir}/${slugify(name)}.yaml.`);
}

/** Finds a profile by its `name:` or file name; `unknown-profile` (listing the others) or `broken-file` otherwise. */
export async function findProfile<K extends ProfileKind>(root: string, kind: K, name: string): Promise<ProfileEntry<K> & { profile: ProfileOf<K> }> {
  const entries = await listProfiles(root, kind);
  const hit = entries.find((e) => e.profile && e.name === name) ?? entries.find((e) => matches(e, name));
  if (!hit) throw unknownProfileError(kind, name, entries);
  if (!hit.profile) throw brokenFileError(hit.problem!);
  return hit as ProfileEntry<K> & { profile: ProfileOf<K> };
}

const DEFAULT_EMPTY = new Set(['prefix']);

/** Drops what the schema fills in anyway (empty lists, empty prefixes) so a file keeps only what was set. */
function compact(value: unknown, inArray = false): unknown {
  if (Array.isArray(value)) return value.map((v) => compact(v, true));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0 && !inArray)) continue;
    if (v === '' && DEFAULT_EMPTY.has(k)) continue;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0 && k !== 'tls') continue;
    out[k] = compact(v);
  }
  return out;
}

/** Canonical YAML of a profile (schema field order, defaults left out); throws `invalid-profile` when it does not validate. */
export function encodeProfile<K extends ProfileKind>(kind: K, profile: InputOf<K>): string {
  const parsed = SCHEMAS[kind].safeParse(profile);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw workspaceError('invalid-profile', `${LABEL[kind]}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`);
  }
  return toYaml(compact(parsed.data));
}

/**
 * Saves a profile: over the file that already holds this name (or `previousName`, for a rename),
 * else a new `<slug>.yaml`. With `baseVersion`, refuses with `conflict` when the file changed since it was read.
 */
export async function saveProfile<K extends ProfileKind>(root: string, kind: K, profile: InputOf<K>, opts: { baseVersion?: string; previousName?: string } = {}):
  Promise<{ path: string; version: string }> {
  const text = encodeProfile(kind, profile);
  const entries = await listProfiles(root, kind);
  const lookFor = opts.previousName ?? profile.name;
  const existing = entries.find((e) => e.profile && e.name === lookFor) ?? entries.find((e) => matches(e, lookFor));
  if (opts.previousName !== undefined && opts.previousName !== profile.name && entries.some((e) => e !== existing && e.profile && e.name === profile.name)) {
    throw workspaceError('exists', `a ${LABEL[kind]} named ${profile.name} already exists`);
  }
  if (existing && opts.baseVersion !== undefined && existing.version !== opts.baseVersion) {
    throw workspaceError('conflict', `${existing.path} changed on disk since it was opened`, 'Reload the profile, then make the change again.');
  }
  const dir = join(root, PROFILE_DIRS[kind]);
  await mkdir(dir, { recursive: true });
  const file = existing ? existing.path.slice(existing.path.indexOf('/') + 1) : uniqueName(slugify(profile.name), '.yaml', await readdir(dir));
  await writeFileAtomic(join(dir, file), text);
  return { path: `${PROFILE_DIRS[kind]}/${file}`, version: versionOf(text) };
}

/** Deletes the file of a profile (found by name; a broken file can be deleted by its file name). */
export async function deleteProfile(root: string, kind: ProfileKind, name: string): Promise<{ path: string }> {
  const entries = await listProfiles(root, kind);
  const hit = entries.find((e) => e.profile && e.name === name) ?? entries.find((e) => matches(e, name));
  if (!hit) throw unknownProfileError(kind, name, entries);
  await unlink(join(root, hit.path));
  return { path: hit.path };
}
