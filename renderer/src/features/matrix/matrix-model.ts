// The matrix as the view reads it: the rows and columns a run will have (known before its first
// cell, from the workspace tree and the chosen profiles), each cell's look and words, the drift
// of a cell, and the counts of the summary. Pure: no store, no backend.
import type { Drift, ExpectWord, MatrixCell, MatrixColumn, MatrixRow } from '../../../../shared/contract';
import { columnId } from '../../../../shared/contract/column-id';
import { CAUSES } from '../../../../shared/explain/causes';
import type { CauseId } from '../../../../shared/explain';
import type { TreeNode } from '../../../../shared/model';

/** The key and gateway names that stand for "no key" and "no gateway" (the baselines). */
export const NO_KEY = 'none';
export const DIRECT = 'direct';

/** Keys outer, gateways inner, in the order given: the order matrix.run builds its columns in. */
export function columnsFor(keys: string[], gateways: string[]): MatrixColumn[] {
  return keys.flatMap((key) => gateways.map((gateway) => ({ id: columnId(key, gateway), key, gateway })));
}

/**
 * The requests a matrix of `path` ('' = the workspace) has, in the order the backend plans them:
 * the tree's order, a folder's requests before the next sibling.
 */
export function plannedRows(tree: TreeNode[], path: string): MatrixRow[] {
  const rows: MatrixRow[] = [];
  const collect = (node: TreeNode): void => {
    if (node.type === 'folder') node.children.forEach(collect);
    else rows.push({ path: node.path, name: node.name, method: node.method.toUpperCase() });
  };
  const find = (list: TreeNode[]): TreeNode | undefined => {
    for (const n of list) {
      if (n.path === path) return n;
      const inner = n.type === 'folder' && path.startsWith(`${n.path}/`) ? find(n.children) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  if (path === '') tree.forEach(collect);
  else {
    const node = find(tree);
    if (node) collect(node);
  }
  return rows;
}

export const cellKey = (row: number, column: number): string => `${row}:${column}`;
export const driftKey = (path: string, column: string): string => `${path}\u0000${column}`;

export type CellTone = 'success' | 'redirect' | 'client' | 'refused' | 'server' | 'error' | 'skipped' | 'pending';

/** A cell's colour: its status class, red for any refusal (a 2xx block page too). */
export function cellTone(cell: MatrixCell | undefined): CellTone {
  if (!cell) return 'pending';
  if (cell.refused) return 'refused';
  switch (cell.statusClass) {
    case '2xx': return 'success';
    case '3xx': return 'redirect';
    case '4xx': return 'client';
    case '5xx': return 'server';
    case 'skipped': return 'skipped';
    default: return 'error';
  }
}

/** A cause in a word or two, where a cell has no room for its title. */
const CAUSE_SHORT: Partial<Record<CauseId, string>> = {
  'missing-credentials': 'no credentials', 'invalid-credentials': 'bad credentials', 'insufficient-permissions': 'no permission',
  'ip-or-geo-blocked': 'IP blocked', 'waf-or-bot-block': 'WAF / bot', 'rate-limited': 'rate limited', csrf: 'CSRF',
  'signature-or-clock-skew': 'signature', 'resource-policy-deny': 'policy', 'method-or-path-blocked': 'method / path',
  'account-or-plan-restriction': 'account / plan', 'directory-listing-or-filesystem': 'file access', 'proxy-denied': 'proxy',
};

/** Who refused, in a word or two for the cell: the producer, else the cause. */
export function refusalLabel(cell: MatrixCell): string {
  const r = cell.refusal;
  if (!r) return 'refused';
  return r.producer?.name ?? CAUSE_SHORT[r.cause] ?? 'refused';
}

/** The cell's text: the status (ERR, skip) and a second line for a refusal, an error or a skip. */
export function cellText(cell: MatrixCell): { main: string; sub?: string } {
  if (cell.statusClass === 'skipped') return { main: 'skip', sub: /not a safe method/.test(cell.skipped ?? '') ? 'unsafe' : cell.skipped };
  const main = cell.status === null ? 'ERR' : String(cell.status);
  if (cell.refused) return { main, sub: refusalLabel(cell) };
  if (cell.error) return { main, sub: cell.error.code };
  return { main };
}

/** What a cell got, for "expected deny, got 200": its status, else its observed word. */
export function gotText(cell: Pick<MatrixCell, 'status' | 'refused' | 'statusClass'>): string {
  if (cell.status !== null) return cell.refused ? `refused ${cell.status}` : String(cell.status);
  return cell.statusClass === 'error' ? 'no response' : cell.statusClass;
}

/** The drift in words: "expected deny, got 200", or that access.yaml does not mention the cell. */
export function driftText(d: Drift, cell: MatrixCell | undefined): string {
  if (d.kind === 'missing') return 'not in access.yaml';
  const got = cell ? gotText(cell) : d.status !== null ? String(d.status) : String(d.observed);
  return `expected ${d.expected === undefined ? '?' : String(d.expected)}, got ${got}`;
}

/** The cell's full description for its title and accessible name. */
export function cellDescription(row: MatrixRow, column: MatrixColumn, cell: MatrixCell | undefined, drift?: Drift, expected?: ExpectWord): string {
  const where = `${row.name}, ${column.id}`;
  if (!cell) return `${where}: not sent yet`;
  let what: string;
  if (cell.statusClass === 'skipped') what = `skipped (${cell.skipped ?? 'not sent'})`;
  else if (cell.refused) {
    const r = cell.refusal;
    what = `${cell.status ?? 'no status'} refused${r ? ` by ${r.producer?.name ?? 'an unidentified layer'} (${CAUSES[r.cause]?.title ?? r.cause})` : ''}`;
  } else if (cell.status === null) what = `no response${cell.error ? ` (${cell.error.code}: ${cell.error.message})` : ''}`;
  else what = `${cell.status} ${cell.statusClass === '2xx' || cell.statusClass === '3xx' ? 'allowed' : cell.statusClass}`;
  const vs = drift ? `; ${driftText(drift, cell)}` : expected !== undefined ? `; as expected (${String(expected)})` : '';
  return `${where}: ${what}${vs}`;
}

export interface MatrixCounts {
  total: number;
  done: number;
  allowed: number;
  refused: number;
  /** 4xx that are no refusal, 5xx, 1xx and errors */
  other: number;
  skipped: number;
}

export function countCells(cells: Iterable<MatrixCell>, total: number): MatrixCounts {
  const c: MatrixCounts = { total, done: 0, allowed: 0, refused: 0, other: 0, skipped: 0 };
  for (const cell of cells) {
    c.done++;
    const tone = cellTone(cell);
    if (tone === 'refused') c.refused++;
    else if (tone === 'success' || tone === 'redirect') c.allowed++;
    else if (tone === 'skipped') c.skipped++;
    else c.other++;
  }
  return c;
}

/** The refusals of a matrix by cause, most first: the summary's chips. */
export function refusalsByCause(cells: Iterable<MatrixCell>): Array<[string, number]> {
  const out = new Map<string, number>();
  for (const cell of cells) if (cell.refused) {
    const title = cell.refusal ? CAUSES[cell.refusal.cause]?.title ?? cell.refusal.cause : 'Refused';
    out.set(title, (out.get(title) ?? 0) + 1);
  }
  return [...out.entries()].sort((a, b) => b[1] - a[1]);
}

/** Consecutive columns with the same key: the grouped header row. */
export function keyGroups(columns: MatrixColumn[]): Array<{ key: string; span: number }> {
  const groups: Array<{ key: string; span: number }> = [];
  for (const c of columns) {
    const last = groups[groups.length - 1];
    if (last?.key === c.key) last.span++;
    else groups.push({ key: c.key, span: 1 });
  }
  return groups;
}
