// Folders opened before (browser localStorage): the Open folder field and its recent list.
export interface RecentWorkspace { root: string; name: string }

const KEY = 'clearance.recentWorkspaces';
const MAX = 8;

export function recentWorkspaces(): RecentWorkspace[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((r): r is RecentWorkspace => typeof r?.root === 'string' && typeof r?.name === 'string') : [];
  } catch {
    // A corrupt list of recent folders is only a convenience lost: start a new one.
    return [];
  }
}

export function rememberWorkspace(root: string, name: string): void {
  const rest = recentWorkspaces().filter((r) => r.root !== root);
  localStorage.setItem(KEY, JSON.stringify([{ root, name }, ...rest].slice(0, MAX)));
}

export function forgetWorkspace(root: string): void {
  localStorage.setItem(KEY, JSON.stringify(recentWorkspaces().filter((r) => r.root !== root)));
}

const envKey = (root: string) => `clearance.env:${root}`;
export const rememberedEnv = (root: string): string | null => localStorage.getItem(envKey(root));
export function rememberEnv(root: string, env: string | null): void {
  if (env === null) localStorage.removeItem(envKey(root));
  else localStorage.setItem(envKey(root), env);
}
