/** A file-system friendly name: lowercase ASCII letters, digits and dashes. */
export function slugify(name: string, max = 60): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return s || 'untitled';
}

const RESERVED_WIN = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** `base` + `ext`, or `base-2` + `ext`... the first not in `taken` (compared case-insensitively). */
export function uniqueName(base: string, ext: string, taken: Iterable<string>): string {
  return nameAllocator(taken)(base, ext);
}

/**
 * uniqueName for many names in one folder (an import of thousands of requests): the taken names
 * are lowered once and each stem remembers its next number, so naming n files is linear, not n².
 */
export function nameAllocator(taken: Iterable<string>): (base: string, ext: string) => string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  const next = new Map<string, number>();
  return (base, ext) => {
    const stem = RESERVED_WIN.test(base) ? `${base}-file` : base;
    const key = `${stem}${ext}`.toLowerCase();
    for (let i = next.get(key) ?? 1; ; i++) {
      const candidate = `${i === 1 ? stem : `${stem}-${i}`}${ext}`;
      if (lower.has(candidate.toLowerCase())) continue;
      lower.add(candidate.toLowerCase());
      next.set(key, i + 1);
      return candidate;
    }
  };
}
