// The diagnosis of a request source (a workspace file, a tab's draft, a curl command): prepared
// through the one path, with the variants that need other profile choices prepared the same way,
// and the workspace's other key profiles bound to the request's host offered to the probes.
import { matchHostBinding } from '../../shared/profiles';
import { prepare, type Overrides, type PrepareDeps, type RequestSource } from '../pipeline/prepare';
import { listProfiles } from '../workspace/profiles';
import { diagnose, type DiagnoseInput } from './diagnose';
import type { Diagnosis } from './types';

export interface DiagnoseSourceOptions extends Omit<DiagnoseInput, 'baseline' | 'prepareWith' | 'otherKeys'> {
  deps?: PrepareDeps;
}

function workspaceOf(source: RequestSource): string | undefined {
  return source.kind === 'file' ? source.dir : source.dir;
}

/** Key profiles of the workspace, other than the one in use, whose hosts include the request's. */
async function otherKeysFor(dir: string | undefined, url: string, current: string | undefined): Promise<string[]> {
  if (!dir) return [];
  const { loadWorkspace } = await import('../workspace/loader');
  const root = (await loadWorkspace(dir)).root;
  const u = new URL(url);
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  return (await listProfiles(root, 'key'))
    .filter((e) => e.profile && e.profile.name !== current && matchHostBinding(e.profile.hosts, { host: u.hostname, port }) !== null)
    .map((e) => e.profile!.name);
}

export async function diagnoseSource(source: RequestSource, overrides: Overrides, opts: DiagnoseSourceOptions = {}): Promise<Diagnosis> {
  const deps = opts.deps ?? {};
  const baseline = await prepare(source, overrides, deps);
  const otherKeys = await otherKeysFor(workspaceOf(source), baseline.url, baseline.key?.name);
  // A scratch request takes profiles only when a key or gateway is named: give it the workspace's.
  const prepareWith: DiagnoseInput['prepareWith'] = (o) => prepare(source, { ...overrides, ...o }, deps);
  // The environment the secrets were read from is the one whose proxy the system-proxy probe tries.
  const environ = opts.environ ?? deps.environ;
  return diagnose({ ...opts, baseline, prepareWith, otherKeys, ...(environ ? { environ } : {}) });
}
