/**
 * A `.catch` for file-system reads where a missing path is an ordinary answer (no folder yet means
 * nothing in it, no file means absent). Any other error (EACCES, EISDIR, ELOOP, EMFILE…) is real and
 * goes on to the caller instead of passing for "missing".
 */
export function ifMissing<T>(fallback: T): (err: unknown) => T {
  return (err) => {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fallback;
    throw err;
  };
}
