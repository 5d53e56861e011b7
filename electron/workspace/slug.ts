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
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  const stem = RESERVED_WIN.test(base) ? `${base}-file` : base;
  for (let i = 1; i < 10_000; i++) {
    const candidate = `${i === 1 ? stem : `${stem}-${i}`}${ext}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
  throw new Error(`no free name for ${base}${ext}`);
}
