// What the heat maps (terminal and HTML) write in a cell and in the legend: one tone per cell, the
// cell's short text, and a numbered tag per distinct refusal (producer + cause) explained once below.
import type { CellRefusal, Comparison, Matrix, MatrixCell } from '../../shared/contract/matrix';
export { producerLabel } from '../../shared/explain/named-by';

export type Tone = 'ok' | 'redirect' | 'refused' | 'client' | 'server' | 'error' | 'skipped' | 'info';

export function toneOf(cell: MatrixCell): Tone {
  if (cell.refused) return 'refused';
  switch (cell.statusClass) {
    case '2xx': return 'ok';
    case '3xx': return 'redirect';
    case '4xx': return 'client';
    case '5xx': return 'server';
    case 'error': return 'error';
    case 'skipped': return 'skipped';
    default: return 'info';
  }
}

export const TONE_LEGEND: ReadonlyArray<[Tone, string]> = [
  ['ok', '2xx allowed'], ['redirect', '3xx redirect'], ['refused', 'refused (deny)'], ['client', 'other 4xx'],
  ['server', '5xx'], ['error', 'ERR no response'], ['skipped', 'skip not sent'],
];

export interface RefusalTag { tag: number; refusal: CellRefusal }

/** The producer and cause in a few words: "nginx: insufficient-permissions". */
export function refusalLabel(r: CellRefusal): string {
  return `${r.producer?.name ?? 'unidentified layer'}: ${r.cause}`;
}

/** Numbers each distinct producer + cause in reading order (row by row). */
export function refusalTags(matrix: Matrix): Map<string, RefusalTag> {
  const tags = new Map<string, RefusalTag>();
  for (const row of matrix.cells) {
    for (const cell of row) {
      if (!cell.refusal) continue;
      const id = refusalLabel(cell.refusal);
      if (!tags.has(id)) tags.set(id, { tag: tags.size + 1, refusal: cell.refusal });
    }
  }
  return tags;
}

/** The text of a cell: the status (ERR, skip), the refusal's tag, `!` when it differs from access.yaml. */
export function cellText(cell: MatrixCell, tags: Map<string, RefusalTag>, drifted: boolean): string {
  const head = cell.status !== null ? String(cell.status) : cell.statusClass === 'skipped' ? 'skip' : 'ERR';
  const tag = cell.refusal ? ` [${tags.get(refusalLabel(cell.refusal))!.tag}]` : '';
  return `${head}${tag}${drifted ? ' !' : ''}`;
}

/** "row:column" of every drifting cell, for marking it in a heat map. */
export function driftedCells(matrix: Matrix, comparison: Comparison | null): Set<string> {
  const out = new Set<string>();
  if (!comparison) return out;
  const rowOf = new Map(matrix.rows.map((r, i) => [r.path, i]));
  const colOf = new Map(matrix.columns.map((c, i) => [c.id, i]));
  for (const d of comparison.drift) out.add(`${rowOf.get(d.path)}:${colOf.get(d.column)}`);
  return out;
}

/** One line per drifting cell: what the file says and what answered. */
export function driftLine(d: Comparison['drift'][number]): string {
  const seen = `${d.observed}${d.status !== null ? ` (${d.status}${d.refusal ? `, ${refusalLabel(d.refusal)}` : ''})` : ''}`;
  return d.kind === 'missing' ? `${d.name} [${d.column}]: not in the file, observed ${seen}` : `${d.name} [${d.column}]: expected ${d.expected}, observed ${seen}`;
}
