// The relative paths of a folder's files sent to imports.run (a dropped or picked Bruno collection).
// The backend writes them under a private temp folder, so every spelling that could climb out of it,
// name another root or mean something after decoding is refused here, before anything is written.
import { utf8Bytes } from '../util/base64';

export const MAX_FOLDER_FILES = 5000;
export const MAX_SEGMENT_BYTES = 255;
export const MAX_PATH_CHARS = 4096;

/** `%2e%2e` and friends: what a segment would mean to anything that decodes it. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray `%` is not an escape: the segment means itself.
    return segment;
  }
}

/**
 * Why `path` is not a safe relative POSIX path inside the folder, or undefined when it is.
 * Refused: empty, absolute, a drive letter or any colon, backslashes, NUL and control characters,
 * empty, `.` or `..` segments (also percent-encoded), a leading `~`, segments over 255 bytes.
 */
export function folderPathProblem(path: string): string | undefined {
  if (path.length === 0) return 'is empty';
  if (path.length > MAX_PATH_CHARS) return `is longer than ${MAX_PATH_CHARS} characters`;
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'contains a control character';
  if (path.includes('\\')) return 'contains a backslash (give POSIX paths with /)';
  if (path.includes(':')) return 'contains a colon (drive letters and other roots are not relative paths)';
  if (path.startsWith('/')) return 'is absolute';
  if (path.startsWith('~')) return 'starts with ~ (a home folder is not a relative path)';
  for (const segment of path.split('/')) {
    if (segment === '') return 'has an empty segment (// or a trailing /)';
    if (segment === '.' || segment === '..') return `has a '${segment}' segment`;
    const plain = decoded(segment);
    if (plain === '.' || plain === '..' || /[/\\\u0000]/.test(plain)) return `has a segment '${segment}' that decodes to a path`;
    if (utf8Bytes(segment).length > MAX_SEGMENT_BYTES) return `has a segment longer than ${MAX_SEGMENT_BYTES} bytes`;
  }
  return undefined;
}

/** Paths that clash: the same path twice, or a file that is also another path's folder. */
export function folderPathClash(paths: readonly string[]): string | undefined {
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const p of paths) {
    if (files.has(p)) return `${p} is given twice`;
    files.add(p);
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i += 1) folders.add(parts.slice(0, i).join('/'));
  }
  for (const p of files) if (folders.has(p)) return `${p} is both a file and a folder`;
  return undefined;
}
