// Schema-free, so the window's watch toasts can read a column id without loading the contracts.

/** The column id a person reads and access.yaml uses: "alice @ direct". */
export function columnId(key: string, gateway: string): string {
  return `${key} @ ${gateway}`;
}

/** "alice@edge" or "alice @ edge" → its parts; null when it is not one "key @ gateway" pair. */
export function parseColumnId(id: string): { key: string; gateway: string } | null {
  const parts = id.split('@');
  if (parts.length !== 2) return null;
  const [key, gateway] = parts.map((p) => p.trim()) as [string, string];
  return key && gateway ? { key, gateway } : null;
}
