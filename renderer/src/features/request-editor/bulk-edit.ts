// Bulk edit of params and headers as text, Postman's format: one `Name: value` per line, a line
// starting with `//` is a disabled row. Text → rows → text gives back exactly the same rows.

/** A table row (the ui's KvRow, named here so this module stays free of the ui). */
export interface KvRow {
  name: string;
  value: string;
  enabled: boolean;
}

const DISABLED = '//';

/** Why some rows cannot be written as lines (the table stays the way to edit them), or null. */
export function bulkBlocker(rows: readonly KvRow[]): string | null {
  for (const [i, r] of rows.entries()) {
    const which = r.name ? `"${r.name}"` : `row ${i + 1}`;
    if (/[\r\n]/.test(r.name) || /[\r\n]/.test(r.value)) return `${which} holds a line break`;
    if (r.name.includes(':')) return `the name ${which} holds a colon`;
    if (r.name !== r.name.trim()) return `the name ${which} starts or ends with a space`;
    if (r.name.startsWith(DISABLED)) return `the name ${which} starts with //`;
    if (r.name === '' && r.value === '') continue;
  }
  return null;
}

/** Rows as lines; an empty row (no name, no value) is left out. */
export function rowsToText(rows: readonly KvRow[]): string {
  return rows
    .filter((r) => r.name !== '' || r.value !== '')
    .map((r) => `${r.enabled ? '' : DISABLED}${r.name}: ${r.value}`)
    .join('\n');
}

/**
 * Lines as rows: `Name: value` (the first colon splits; one space after it is the separator),
 * `//Name: value` disabled, a line without a colon is a name with an empty value, blank lines skipped.
 */
export function textToRows(text: string): KvRow[] {
  const rows: KvRow[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const enabled = !raw.startsWith(DISABLED);
    const line = enabled ? raw : raw.slice(DISABLED.length);
    const colon = line.indexOf(':');
    const name = (colon < 0 ? line : line.slice(0, colon)).trim();
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    rows.push({ name, value, enabled });
  }
  return rows;
}
