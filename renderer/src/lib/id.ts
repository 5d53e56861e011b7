let counter = 0;

/** Unique within this page session; good enough for tab, row and send ids. */
export function newId(prefix = 'id'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}`;
}
