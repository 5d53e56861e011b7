// The Matrix view lays out a run's cells before the matrix is in: its rows from the workspace tree
// and its columns from the chosen profiles must be the ones matrix.run fills (same order), or a
// cell event would land in the wrong slot. Checked against the backend's own planning of a real
// workspace folder; then the cell's words and the drift text.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixCell } from '../../shared/contract';
import { pickColumns } from '../../electron/matrix/columns';
import { loadTarget } from '../../electron/runner/target';
import { loadWorkspace } from '../../electron/workspace/loader';
import { cellDescription, cellText, columnsFor, countCells, driftText, keyGroups, plannedRows } from '../../renderer/src/features/matrix/matrix-model';
import { everyText, parseEvery } from '../../renderer/src/features/watch/every';

let dir: string;
const req = (name: string, method = 'GET') => `name: ${name}\nmethod: ${method}\nurl: http://127.0.0.1:9/${name}\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clearance-matrix-model-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Shop\nid: matrix-model-0001\norder: [zeta, admin, alpha.yaml]\n');
  writeFileSync(join(dir, 'alpha.yaml'), req('Alpha'));
  writeFileSync(join(dir, 'beta.yaml'), req('Beta', 'POST'));
  mkdirSync(join(dir, 'zeta'));
  writeFileSync(join(dir, 'zeta', 'folder.yaml'), 'name: Zeta\norder: [two, inner, one]\n');
  writeFileSync(join(dir, 'zeta', 'one.yaml'), req('One'));
  writeFileSync(join(dir, 'zeta', 'two.yaml'), req('Two', 'delete'));
  mkdirSync(join(dir, 'zeta', 'inner'));
  writeFileSync(join(dir, 'zeta', 'inner', 'deep.yaml'), req('Deep'));
  writeFileSync(join(dir, 'zeta', 'inner', 'broken.yaml'), 'name: [unclosed\n');
  mkdirSync(join(dir, 'admin'));
  writeFileSync(join(dir, 'admin', 'stats.yaml'), req('Stats'));
  mkdirSync(join(dir, 'keys'));
  for (const k of ['bob', 'alice']) writeFileSync(join(dir, 'keys', `${k}.yaml`), `name: ${k}\nkind: custom-headers\nhosts: ['*']\nheaders:\n  - name: X-K\n    value: ${k}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the rows and columns a matrix will have', () => {
  it('are the backend\'s: the tree order for the workspace and for a folder inside it, broken files included', async () => {
    const snap = await loadWorkspace(dir);
    for (const target of ['', 'zeta', 'zeta/inner', 'admin']) {
      const plan = await loadTarget(join(dir, target), undefined);
      expect(plannedRows(snap.tree, target).map((r) => r.path), target || 'workspace').toEqual(plan.requests.map((p) => p.path));
    }
    expect(plannedRows(snap.tree, '').map((r) => r.method)).toContain('DELETE');
    expect(plannedRows(snap.tree, 'nowhere')).toEqual([]);
  });

  it('keys outer, gateways inner, in the order given, as matrix.run builds them', async () => {
    const plan = await loadTarget(dir, undefined);
    const keys = ['bob', 'none', 'alice'];
    const gateways = ['direct'];
    const { columns } = await pickColumns(plan, keys, gateways);
    expect(columnsFor(keys, gateways)).toEqual(columns);
    expect(keyGroups(columnsFor(['a', 'b'], ['x', 'y']))).toEqual([{ key: 'a', span: 2 }, { key: 'b', span: 2 }]);
  });
});

const cell = (c: Partial<MatrixCell>): MatrixCell => ({ status: 200, statusClass: '2xx', refused: false, timeMs: 5, ...c });
const refused = cell({ status: 403, statusClass: '4xx', refused: true, refusal: { producer: { id: 'haproxy', kind: 'proxy', name: 'HAProxy' }, cause: 'ip-or-geo-blocked', reason: 'r' } });

describe('a cell in words', () => {
  it('a refusal names who refused, else the cause in short; an unsafe skip and an error say so', () => {
    expect(cellText(refused)).toEqual({ main: '403', sub: 'HAProxy' });
    expect(cellText(cell({ status: 401, statusClass: '4xx', refused: true, refusal: { producer: null, cause: 'missing-credentials', reason: 'r' } })))
      .toEqual({ main: '401', sub: 'no credentials' });
    expect(cellText(cell({ status: null, statusClass: 'skipped', skipped: 'POST is not a safe method: sent only with --allow-unsafe' }))).toEqual({ main: 'skip', sub: 'unsafe' });
    expect(cellText(cell({ status: null, statusClass: 'error', error: { code: 'connection-refused', message: 'x' } }))).toEqual({ main: 'ERR', sub: 'connection-refused' });
    expect(cellText(cell({}))).toEqual({ main: '200' });
  });

  it('the drift reads "expected deny, got 200"; a cell the file does not mention says that', () => {
    const row = { path: 'admin.yaml', name: 'Admin', method: 'GET' };
    const col = { id: 'alice @ direct', key: 'alice', gateway: 'direct' };
    const d = { kind: 'changed' as const, path: row.path, name: row.name, column: col.id, expected: 'deny' as const, observed: 'allow' as const, status: 200 };
    expect(driftText(d, cell({}))).toBe('expected deny, got 200');
    expect(driftText({ ...d, expected: 'allow', observed: 'deny', status: 403 }, refused)).toBe('expected allow, got refused 403');
    expect(driftText({ ...d, kind: 'missing', expected: undefined }, cell({}))).toBe('not in access.yaml');
    expect(cellDescription(row, col, cell({}), d)).toBe('Admin, alice @ direct: 200 allowed; expected deny, got 200');
    expect(cellDescription(row, col, refused, undefined, 'deny')).toBe('Admin, alice @ direct: 403 refused by HAProxy (IP or location blocked); as expected (deny)');
    expect(cellDescription(row, col, undefined)).toBe('Admin, alice @ direct: not sent yet');
  });

  it('counts cells by outcome: a refusal is not "other", a skip is not sent', () => {
    const c = countCells([refused, cell({}), cell({ status: 500, statusClass: '5xx' }), cell({ status: null, statusClass: 'skipped' })], 6);
    expect(c).toEqual({ total: 6, done: 4, allowed: 1, refused: 1, other: 1, skipped: 1 });
  });
});

describe('the watch interval a person types', () => {
  it('seconds by default, or with a unit, within the contract\'s 1 s to 7 days', () => {
    expect(parseEvery('90')).toBe(90_000);
    expect(parseEvery('1')).toBe(1000);
    expect(parseEvery('10m')).toBe(600_000);
    expect(parseEvery('2h')).toBe(7_200_000);
    expect(parseEvery('0.5')).toBeNull();
    expect(parseEvery('200h')).toBeNull();
    expect(parseEvery('soon')).toBeNull();
    expect([1000, 90_000, 300_000, 600_000, 7_200_000, 1500].map(everyText)).toEqual(['1 s', '90 s', '5 min', '10 min', '2 h', '1.5 s']);
  });
});
