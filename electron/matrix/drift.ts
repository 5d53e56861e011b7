// Expected against observed: which word a cell earns (allow, deny, a class, error), whether a word
// of access.yaml still holds for a cell, and the drift of a whole matrix from the file.
import type { Comparison, Drift, Expectation, ExpectWord, Matrix, MatrixCell } from '../../shared/contract/matrix';

/** The word --update writes for a cell: deny for a refusal, allow for any other 2xx/3xx, else the class. */
export function observedWord(cell: MatrixCell): ExpectWord {
  if (cell.refused) return 'deny';
  if (cell.statusClass === '2xx' || cell.statusClass === '3xx') return 'allow';
  return cell.statusClass === 'skipped' ? 'error' : cell.statusClass;
}

/** Does the cell meet the expected word? */
export function meets(expected: ExpectWord, cell: MatrixCell): boolean {
  if (typeof expected === 'number') return cell.status === expected;
  switch (expected) {
    case 'allow': return !cell.refused && (cell.statusClass === '2xx' || cell.statusClass === '3xx');
    case 'deny': return cell.refused;
    case 'error': return cell.statusClass === 'error';
    default: return cell.statusClass === expected;
  }
}

/** Every observed cell that differs from the file or that it does not mention; skipped cells are not compared. */
export function compareMatrix(matrix: Matrix, expectation: Expectation, file: string): Comparison {
  const drift: Drift[] = [];
  let checked = 0;
  matrix.rows.forEach((row, r) => {
    const expectedRow = expectation[row.path] ?? {};
    matrix.columns.forEach((col, c) => {
      const cell = matrix.cells[r]![c]!;
      if (cell.statusClass === 'skipped') return;
      checked++;
      const expected = expectedRow[col.id];
      if (expected !== undefined && meets(expected, cell)) return;
      drift.push({ kind: expected === undefined ? 'missing' : 'changed', path: row.path, name: row.name, column: col.id,
        ...(expected !== undefined ? { expected } : {}), observed: observedWord(cell), status: cell.status, ...(cell.refusal ? { refusal: cell.refusal } : {}) });
    });
  });
  const seen = new Set(matrix.rows.map((r) => r.path));
  const stale = Object.keys(expectation).filter((p) => !seen.has(p));
  return { file, checked, drift, stale };
}
