// The Secrets dialog, with no keychain reachable (`clearance serve` with a D-Bus address that leads
// nowhere): an environment secret set through the service and a key profile secret typed in the
// app both land in the local store; the dialog shows where every secret lives exactly as
// `clearance secrets list --json` reads it from the same stores; moving to the keychain fails plainly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from './support/fixtures';
import { startClearanceServe, type ServeHandle } from './support/serve';
import { SHOTS } from './support/shots';
import { openWorkspace } from './support/ui';

const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
const ENV_TOKEN = 'e2e-staging-token-3b7d';
const TEAM_KEY = 'e2e-team-key-9a41';
const ID = 'e2e-secrets-0001';

// Our own serve, with no keychain whatever the machine has.
const test = base.extend<object, { serve: ServeHandle }>({
  serve: [async ({}, use) => {
    const s = await startClearanceServe({ env: NO_KEYCHAIN });
    await use(s);
    await s.stop();
  }, { scope: 'worker' }],
});

function makeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-secrets-'));
  writeFileSync(join(dir, 'clearance.yaml'), `clearance: 1\nname: Shop API\nid: ${ID}\n`);
  writeFileSync(join(dir, 'me.yaml'), 'name: Me\nmethod: GET\nurl: https://{{host}}/me\n');
  mkdirSync(join(dir, 'environments'));
  writeFileSync(join(dir, 'environments', 'staging.yaml'), [
    'name: staging', 'variables:', '  host: api.shop.example', '  token:', '    secret: true', '  ci:', '    secret: true', '    env: E2E_SECRETS_CI_UNSET', '',
  ].join('\n'));
  mkdirSync(join(dir, 'keys'));
  writeFileSync(join(dir, 'keys', 'team.yaml'), ['name: team', 'kind: api-key', 'param: x-api-key', 'hosts:', '  - api.shop.example', 'key:', '  secret: true', ''].join('\n'));
  return dir;
}

interface CliSecret { scope: string; owner: string; name: string; env?: string; source: string; stored: string[] }

/** What `clearance secrets list --json` reads from the serve's stores, as the dialog's rows should say it. */
function cliRows(dir: string, home: string): string[][] {
  const r = spawnSync(process.execPath, ['bin/clearance.mjs', 'secrets', 'list', dir, '--json'], {
    encoding: 'utf8', env: { ...process.env, ...NO_KEYCHAIN, CLEARANCE_HOME: home, NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  const place = (x: string) => (x === 'local-store' ? 'local store' : x);
  return (JSON.parse(r.stdout) as { secrets: CliSecret[] }).secrets.map((s) => [
    s.scope === 'environment' ? `environment ${s.owner}` : `${s.scope} profile ${s.owner}`, s.name,
    [s.source === 'env' ? `env ${s.env}` : place(s.source), ...s.stored.filter((x) => x !== s.source).map((x) => `also ${place(x)}`)].join(' | '),
  ]);
}

test('secrets dialog: where each secret lives, as the CLI reads it; set and move with no keychain', async ({ page, openApp, serve }) => {
  const dir = makeWorkspace();
  const storePath = join(serve.home, 'secrets', 'local-store.json');
  await page.setViewportSize({ width: 1360, height: 860 });

  // An environment secret written through the service (the app has no environment editor yet).
  const set = await fetch(`${serve.origin}/rpc/workspace.setSecret`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-clearance-token': serve.token },
    body: JSON.stringify({ dir, env: 'staging', name: 'token', value: ENV_TOKEN }),
  });
  expect(await set.json()).toEqual({ ok: true, value: { stored: true, where: 'local-store' } });

  // The key profile's secret typed in the app: saved to the local store, and the editor says so.
  await openApp();
  await openWorkspace(page, dir);
  await page.getByRole('list', { name: 'Key profiles' }).getByRole('button', { name: /team/ }).click();
  const editor = page.getByRole('dialog', { name: 'Key profile · team' });
  await expect(editor).toContainText('missing');
  await editor.getByLabel('Key value', { exact: true }).fill(TEAM_KEY);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('status')).toHaveText('saved to the local store (no keychain here)');
  await expect(editor).toContainText('in local store');
  await page.screenshot({ path: `${SHOTS}/secrets-saved-local.png` });
  await expect(editor.getByLabel('Key value', { exact: true })).toHaveValue('');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toHaveCount(0);

  // The truth: both values are in the local store file (0600), under the workspace id; none in the workspace.
  expect(statSync(storePath).mode & 0o777).toBe(0o600);
  const store = readFileSync(storePath, 'utf8');
  expect(JSON.parse(store).workspaces[ID]).toEqual({ 'staging/token': ENV_TOKEN, 'key:team/key': TEAM_KEY });
  for (const f of ['clearance.yaml', 'environments/staging.yaml', 'keys/team.yaml']) expect(readFileSync(join(dir, f), 'utf8')).not.toContain(TEAM_KEY);

  // The dialog, from the workspace menu.
  await page.getByRole('button', { name: /Workspace/ }).click();
  await page.getByRole('menuitem', { name: 'Secrets…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Secrets' });
  const table = dialog.getByRole('table', { name: 'Secrets' });
  await expect(table).toContainText('local store');
  await expect(dialog).toContainText(storePath);
  await expect(table.getByRole('row', { name: /ci/ })).toContainText('env E2E_SECRETS_CI_UNSET unset');
  const shown = async () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => {
    const cells = [...r.querySelectorAll('td')];
    return [cells[0]!.textContent ?? '', cells[1]!.textContent ?? '', [...cells[2]!.querySelectorAll('.secrets-chip')].map((c) => c.textContent).join(' | ')];
  }));
  const expected = cliRows(dir, serve.home);
  expect(expected).toEqual([
    ['environment staging', 'token', 'local store'],
    ['environment staging', 'ci', 'missing'],
    ['key profile team', 'key', 'local store'],
  ]);
  expect(await shown()).toEqual(expected);
  await page.screenshot({ path: `${SHOTS}/secrets.png` });

  // No keychain here: the move says so plainly and moves nothing; the file is as it was.
  await dialog.getByRole('button', { name: 'Move all to keychain' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Nothing more moved to the OS keychain: No OS keychain is available');
  expect(readFileSync(storePath, 'utf8')).toBe(store);
  expect(await shown()).toEqual(expected);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
