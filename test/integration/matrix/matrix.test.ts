// `clearance matrix` against real parts (see fixture.ts): cells differ by key (nginx's key map) and
// by gateway (HAProxy's ACL, Squid's denied host), and nginx's own log says who reached it how.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Matrix } from '../../../shared/contract/matrix';
import { runCli } from '../../support/cli';
import { KEY_A, KEY_B, PROXY_PASS, SECRETS_ENV, startWorld, type MatrixWorld } from './fixture';

let w: MatrixWorld;
let home: string;
const env = () => ({ ...SECRETS_ENV, CLEARANCE_HOME: home });
const matrixCli = (args: string[], extra: Record<string, string> = {}) => runCli(['matrix', w.dir, '--env', 'local', ...args], { env: { ...env(), ...extra } });

beforeAll(async () => {
  w = await startWorld();
  home = join(w.dir, '.home');
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

const access = () => join(w.dir, 'access.yaml');

/** The statuses as a table: row name → "key @ gateway" → status (or skip / ERR). */
function statuses(m: Matrix): Record<string, Record<string, number | string>> {
  return Object.fromEntries(m.rows.map((r, i) => [r.name, Object.fromEntries(m.columns.map((c, j) => {
    const cell = m.cells[i]![j]!;
    return [c.id, cell.status ?? (cell.statusClass === 'skipped' ? 'skip' : 'ERR')];
  }))]));
}

function expectNoSecret(...texts: string[]): void {
  for (const t of texts) for (const s of [KEY_A, KEY_B, PROXY_PASS]) expect(t).not.toContain(s);
}

describe('clearance matrix', () => {
  it('sends every safe request with every key through every gateway; the cells are what nginx, HAProxy and Squid did', async () => {
    const before = w.log().length;
    const r = await matrixCli(['--json']);
    expect(r.code, r.stderr).toBe(0);
    const { matrix, comparison } = JSON.parse(r.stdout) as { matrix: Matrix; comparison: unknown };
    expect(comparison).toBeNull();
    expect(matrix.columns.map((c) => c.id)).toEqual(['alice @ corp-proxy', 'alice @ edge', 'alice @ direct', 'bob @ corp-proxy', 'bob @ edge', 'bob @ direct',
      'none @ corp-proxy', 'none @ edge', 'none @ direct']);
    const row = (...v: Array<number | string>) => Object.fromEntries(matrix.columns.map((c, i) => [c.id, v[i]]));
    expect(statuses(matrix)).toEqual({
      Orders: row(200, 200, 200, 403, 403, 403, 401, 401, 401),
      Public: row(200, 200, 200, 200, 200, 200, 401, 401, 401),
      Admin: row(200, 403, 200, 403, 403, 403, 401, 403, 401),
      Partner: row(403, 200, 200, 403, 200, 200, 403, 401, 401),
      'Create order': row('skip', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip'),
    });
    const cell = (name: string, col: string) => matrix.cells[matrix.rows.findIndex((x) => x.name === name)]![matrix.columns.findIndex((c) => c.id === col)]!;
    expect(cell('Admin', 'alice @ edge').refusal).toMatchObject({ producer: { id: 'haproxy' } });
    expect(cell('Partner', 'alice @ corp-proxy').refusal).toMatchObject({ producer: { id: 'squid' }, cause: 'proxy-denied' });
    expect(cell('Orders', 'none @ direct')).toMatchObject({ refused: true, statusClass: '4xx', refusal: { cause: 'missing-credentials' } });
    expect(cell('Create order', 'alice @ direct').skipped).toMatch(/POST is not a safe method/);

    // The server's truth: of 36 GETs, all but the 6 HAProxy and Squid refused themselves reached nginx.
    const seen = w.log().slice(before);
    expect(seen).toHaveLength(30);
    expect(seen.filter((l) => l.method !== 'GET')).toEqual([]);
    const orders = seen.filter((l) => l.uri === '/orders');
    expect(orders.map((l) => l.who).sort()).toEqual(['', '', '', 'alice', 'alice', 'alice', 'bob', 'bob', 'bob']);
    expect(orders.filter((l) => l.via === 'haproxy').map((l) => l.tenant)).toEqual(['acme', 'acme', 'acme']);
    expect(orders.filter((l) => l.squid.includes('squid'))).toHaveLength(3);
    // HAProxy kept /admin from nginx; Squid kept 127.0.0.2 from it.
    expect(seen.filter((l) => l.uri === '/admin' && l.via === 'haproxy')).toEqual([]);
    expect(seen.filter((l) => l.uri === '/admin')).toHaveLength(6);
    expect(seen.filter((l) => l.addr === '127.0.0.2' && l.squid.includes('squid'))).toEqual([]);
    expect(seen.filter((l) => l.addr === '127.0.0.2')).toHaveLength(6);
    expectNoSecret(r.stdout, r.stderr);
  });

  it('draws a heat map with tagged refusals and a legend, without colour under NO_COLOR and with it when forced', async () => {
    const r = await matrixCli([]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toMatch(/^GET +Admin +200 +403 \[\d\] +200 /m);
    expect(r.stdout).toMatch(/^\[\d\] refused by HAProxy \(proxy\): /m);
    expect(r.stdout).toMatch(/^\[\d\] refused by Squid \(proxy\): proxy-denied/m);
    expect(r.stdout).toMatch(/^legend: 2xx allowed · 3xx redirect · refused \(deny\)/m);
    expect(r.stdout).toMatch(/^POST +Create order +skip +skip/m);
    const coloured = await matrixCli(['--keys', 'alice', '--gateways', 'edge'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(coloured.stdout).toContain('\u001b[1;97;41m403 [1]\u001b[0m');
  });

  it('--keys and --gateways pick the columns; an unknown profile is exit 2 with nothing sent', async () => {
    const before = w.log().length;
    const bad = await matrixCli(['--keys', 'alice,mallory']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no key profile named mallory \(available: alice, bob\)/);
    expect(w.log().length).toBe(before);
    const one = await matrixCli(['--keys', 'bob', '--gateways', 'direct', '--json']);
    const m = JSON.parse(one.stdout) as { matrix: Matrix };
    expect(m.matrix.columns.map((c) => c.id)).toEqual(['bob @ direct']);
    expect(w.log().slice(before).map((l) => `${l.uri} ${l.who}`)).toEqual(expect.arrayContaining(['/orders bob', '/public bob', '/admin bob']));
    expect(w.log().length - before).toBe(4);
  });

  it('an imported Postman collection takes the columns of the workspace --workspace lends it', async () => {
    const pm = join(w.dir, '.home', 'shop.postman_collection.json');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(w.dir, '.home'), { recursive: true }));
    await writeFile(pm, JSON.stringify({ info: { name: 'PM shop', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'Public', request: { method: 'GET', url: `http://127.0.0.1:${w.port}/public` } }] }));
    const before = w.log().length;
    const r = await runCli(['matrix', pm, '--workspace', w.dir, '--gateways', 'direct', '--json'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    const { matrix } = JSON.parse(r.stdout) as { matrix: Matrix };
    expect(statuses(matrix)).toEqual({ Public: { 'alice @ direct': 200, 'bob @ direct': 200, 'none @ direct': 401 } });
    expect(w.log().slice(before).map((l) => l.who).sort()).toEqual(['', 'alice', 'bob']);
    const update = await runCli(['matrix', pm, '--workspace', w.dir, '--update'], { env: env() });
    expect(update.code).toBe(2);
    expect(update.stderr).toMatch(/--update: an imported collection has no workspace to keep access\.yaml in; give --expect FILE/);
  });

  it('--allow-unsafe sends the POST too', async () => {
    const before = w.log().length;
    const r = await matrixCli(['--allow-unsafe', '--keys', 'alice,bob', '--gateways', 'direct', '--json']);
    expect(r.code).toBe(0);
    const posts = w.log().slice(before).filter((l) => l.method === 'POST');
    expect(posts.map((l) => l.who).sort()).toEqual(['alice', 'bob']);
  });
});

describe('access.yaml', () => {
  beforeEach(() => rm(access(), { force: true }));

  it('drift is exit 1 with each differing or missing cell listed; --update writes the observed matrix, keeping comments; then exit 0', async () => {
    await writeFile(access(), [
      '# Reviewed by the platform team.',
      'version: 1',
      'requests:',
      '  orders.yaml:',
      '    alice @ direct: allow  # alice owns orders',
      '    bob@direct: allow',
      '    none @ direct: 4xx',
      '',
    ].join('\n'));
    const r = await matrixCli(['--keys', 'alice,bob,none', '--gateways', 'direct']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('Orders [bob @ direct]: expected allow, observed deny (403, ');
    expect(r.stdout).toContain('Public [alice @ direct]: not in the file, observed allow (200)');
    expect(r.stdout).toMatch(/✗ 10 of 12 cells differ from .*access\.yaml/);
    expect(r.stdout).toMatch(/^GET +Orders +200 +403 \[\d\] ! +401 \[\d\]/m);

    const up = await matrixCli(['--keys', 'alice,bob,none', '--gateways', 'direct', '--update']);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toMatch(/access\.yaml: 10 cells updated/);
    const text = await readFile(access(), 'utf8');
    expect(text).toContain('# Reviewed by the platform team.');
    expect(text).toContain('alice @ direct: allow # alice owns orders');
    expect(text).toContain('    bob@direct: deny\n');
    expect(text).toContain('    none @ direct: 4xx\n');
    expect(text).toMatch(/ {2}partner\.yaml:\n {4}alice @ direct: allow\n {4}bob @ direct: allow\n {4}none @ direct: deny\n/);
    expect(text).not.toContain('create-order');

    const again = await matrixCli(['--keys', 'alice,bob,none', '--gateways', 'direct']);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toMatch(/✓ 12 cells as .*access\.yaml expects/);
    // The file at the root is the expectation, not a request: still five rows.
    const json = JSON.parse((await matrixCli(['--keys', 'alice', '--gateways', 'direct', '--json'])).stdout) as { matrix: Matrix; comparison: { drift: unknown[] } };
    expect(json.matrix.rows).toHaveLength(5);
    expect(json.comparison.drift).toEqual([]);
    await rm(access());
  });

  it('bad content is exit 2 naming the file and line, before anything is sent', async () => {
    await writeFile(access(), 'version: 1\nrequests:\n  orders.yaml:\n    alice @ direct: maybe\n');
    const before = w.log().length;
    const r = await matrixCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/access\.yaml:4:\d+: requests\.orders\.yaml\.alice @ direct: /);
    await writeFile(access(), 'version: 1\nrequests:\n  orders.yaml:\n    alice direct: allow\n');
    const col = await matrixCli([]);
    expect(col.code).toBe(2);
    expect(col.stderr).toMatch(/access\.yaml:4:\d+: .*a column is "key @ gateway"/);
    expect(w.log().length).toBe(before);
    await rm(access());
    const missing = await matrixCli(['--expect', join(w.dir, 'nowhere.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere\.yaml: no such file/);
  });

  it('--expect FILE with --update writes a new file that the next run passes', async () => {
    const file = join(w.dir, '.expect', 'edge.yaml');
    await rm(join(w.dir, '.expect'), { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(join(w.dir, '.expect')));
    const up = await matrixCli(['--gateways', 'edge', '--expect', file, '--update']);
    expect(up.code, up.stderr).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^# Expected access: which key may call which request through which gateway\./);
    expect(text).toMatch(/ {2}admin\.yaml:\n {4}alice @ edge: deny\n {4}bob @ edge: deny\n {4}none @ edge: deny\n/);
    const again = await matrixCli(['--gateways', 'edge', '--expect', file]);
    expect(again.code, again.stdout).toBe(0);
  });
});

describe('--html', () => {
  beforeEach(() => rm(access(), { force: true }));

  it('writes one self-contained file with every string escaped', async () => {
    const evil = join(w.dir, 'evil.yaml');
    await writeFile(evil, 'name: "<script>alert(1)</script> & \\"q\\""\nmethod: GET\nurl: "{{base}}/public"\n');
    const out = join(w.dir, '.home', 'matrix.html');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(w.dir, '.home'), { recursive: true }));
    const r = await matrixCli(['--keys', 'alice,none', '--gateways', 'edge,direct', '--html', out]);
    await rm(evil);
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*https?:/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).toContain('content="default-src \'none\'; style-src \'unsafe-inline\'"');
    expect(html).toMatch(/<td class="c refused" title="HAProxy: [a-z-]+\. HAProxy&#39;s default 403 page/);
    expectNoSecret(html);
  });
});
