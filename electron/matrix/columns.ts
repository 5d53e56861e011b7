// The matrix's columns: every key × every gateway. By default each key profile of the workspace
// plus 'none' (no key) and each gateway profile plus 'direct' (no gateway): the baselines come last.
import { columnId, type MatrixColumn } from '../../shared/contract/matrix';
import type { RunPlan } from '../runner/target';
import { listProfiles, type ProfileKind } from '../workspace/profiles';

export const NO_KEY_NAME = 'none';
export const DIRECT_NAME = 'direct';

export { columnId, parseColumnId } from '../../shared/contract/matrix';

/** Profile names of the workspace (file-name order); broken files are left out with a warning. */
async function workspaceNames(root: string, kind: ProfileKind, warnings: string[]): Promise<string[]> {
  const entries = await listProfiles(root, kind);
  for (const e of entries) if (!e.profile) warnings.push(`${e.path}: left out of the matrix (${e.problem?.message ?? 'cannot be read'})`);
  return entries.filter((e) => e.profile).map((e) => e.name);
}

const unique = (names: string[]): string[] => [...new Set(names.map((n) => n.trim()).filter(Boolean))];

/**
 * The columns, keys outer and gateways inner, in the order given, else the workspace's profiles
 * (an import's: those of `workspace` when lent one), baselines last.
 */
export async function pickColumns(plan: RunPlan, keys?: string[], gateways?: string[], workspace?: string): Promise<{ columns: MatrixColumn[]; warnings: string[] }> {
  const warnings: string[] = [];
  const root = plan.format === 'clearance' ? plan.root : workspace;
  const keyNames = keys?.length ? unique(keys) : [...(root ? await workspaceNames(root, 'key', warnings) : []), NO_KEY_NAME];
  const gatewayNames = gateways?.length ? unique(gateways) : [...(root ? await workspaceNames(root, 'gateway', warnings) : []), DIRECT_NAME];
  const columns = keyNames.flatMap((key) => gatewayNames.map((gateway) => ({ id: columnId(key, gateway), key, gateway })));
  return { columns, warnings };
}
