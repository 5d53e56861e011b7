/** True when `host` must bypass the proxy: exact names, `.suffix`, `*.suffix` or `*`. */
export function bypassesProxy(host: string, noProxy: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of noProxy) {
    const rule = raw.trim().toLowerCase();
    if (!rule) continue;
    if (rule === '*') return true;
    if (rule.startsWith('*.')) {
      const suffix = rule.slice(1);
      if (h.endsWith(suffix)) return true;
    } else if (rule.startsWith('.')) {
      if (h.endsWith(rule) || h === rule.slice(1)) return true;
    } else if (h === rule) {
      return true;
    }
  }
  return false;
}
