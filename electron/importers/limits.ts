// Bounds on imported structure: deeper nesting is refused with a message naming the problem
// instead of ending in "Maximum call stack size exceeded" somewhere in a recursive walk. Every
// walk here uses an explicit stack.
import { ImportError } from './errors';

export { nestsDeeper } from '../../shared/util/depth';

/** folders inside folders, objects inside objects */
export const MAX_IMPORT_DEPTH = 100;
/** JSON objects and arrays inside each other (a folder level of a collection takes two or three) */
export const MAX_JSON_DEPTH = 256;

/** Refuses a folder tree deeper than MAX_IMPORT_DEPTH; `children` gives a node's sub-items (folders have some). */
export function checkFolderDepth(file: string, roots: unknown[], children: (node: unknown) => unknown[] | undefined): void {
  const stack: Array<[unknown, number]> = roots.map((r) => [r, 1]);
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    const kids = children(node);
    if (!kids) continue;
    if (depth > MAX_IMPORT_DEPTH) throw folderDepthError(file);
    for (const k of kids) stack.push([k, depth + 1]);
  }
}

export function folderDepthError(file: string): ImportError {
  return new ImportError(file, `the collection nests folders deeper than ${MAX_IMPORT_DEPTH} levels`);
}
