// Bounds on imported structure: deeper nesting is refused with a message naming the problem
// instead of ending in "Maximum call stack size exceeded" somewhere in a recursive walk.

/** folders inside folders, objects inside objects */
export const MAX_IMPORT_DEPTH = 100;
