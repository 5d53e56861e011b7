// Key and gateway profiles in the UI: create an api-key profile bound to the test gateway's host
// (secret from an env var of the serve process: `clearance serve` may have no keychain) and a
// gateway profile from a preset, pick them in the top bar, send, and read the wire view's origins.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from './support/fixtures';
import { startClearanceServe, type ServeHandle } from './support/serve';

import { SHOTS } from './support/shots';
const TEAM_KEY = 'team-key-e2e-7f3a9c';
const GATEWAY_TOKEN = 'gw-token-e2e';

// Our own serve: the key profile's secret comes from E2E_TEAM_KEY in its environment.
const test = base.extend<object, { serve: ServeHandle }>({
  serve: [async ({}, use) => {
    process.env.E2E_TEAM_KEY = TEAM_KEY;
    const s = await startClearanceServe();
    await use(s);
    await s.stop();
  }, { scope: 'worker' }],
});

interface Gateway { port: number; seen: Array<{ url: string; key?: string; token?: string }>; server: Server }

/** A Node "gateway": 200 only with the right x-api-key and x-gateway-token, and only under /prod. */
async function startGateway(): Promise<Gateway> {
  const seen: Gateway['seen'] = [];
  const server = createServer((req, res) => {
    const key = req.headers['x-api-key'] as string | undefined;
    const token = req.headers['x-gateway-token'] as string | undefined;
    seen.push({ url: req.url ?? '', key, token });
    const ok = key === TEAM_KEY && token === GATEWAY_TOKEN && req.url?.startsWith('/prod/');
    res.writeHead(ok ? 200 : 403, { 'content-type': 'application/json', 'x-amzn-requestid': 'e2e-1' });
    res.end(ok ? JSON.stringify({ orders: [{ id: 1 }] }) : '{"message":"Forbidden"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, seen, server };
}

function makeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-profiles-'));
  writeFileSync(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Shop API\nid: e2e-profiles-0001\n');
  mkdirSync(join(dir, 'orders'));
  writeFileSync(join(dir, 'orders', 'list.yaml'), 'name: List orders\nmethod: GET\nurl: https://api.shop.example/orders\n');
  mkdirSync(join(dir, 'keys'));
  writeFileSync(join(dir, 'keys', 'partner.yaml'), [
    'name: partner', 'kind: api-key', 'param: x-api-key', 'hosts:', '  - api.partner.example', 'key:', '  secret: true', '  env: E2E_TEAM_KEY', '',
  ].join('\n'));
  return dir;
}

/** A JWT (unsigned) with the given claims, for the claims view. */
function jwt(claims: object): string {
  const b = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b({ alg: 'HS256', typ: 'JWT' })}.${b(claims)}.c2ln`;
}

test('key and gateway profiles: create in the UI, select, send through them, origins on the wire, host binding', async ({ page, openApp }) => {
  const gw = await startGateway();
  const dir = makeWorkspace();
  await page.setViewportSize({ width: 1360, height: 860 });
  await openApp();
  await page.getByRole('button', { name: 'Open folder' }).click();
  await page.getByLabel('Workspace folder path', { exact: true }).fill(dir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Key profiles' })).toContainText('partner');

  // A bearer token's claims: expired, and an expected scope it lacks (not saved).
  await page.getByRole('button', { name: 'New key profile' }).click();
  let dialog = page.getByRole('dialog', { name: 'New key profile' });
  await dialog.getByLabel('Kind', { exact: true }).selectOption('bearer');
  await dialog.getByLabel('Expected scopes', { exact: true }).fill('orders:read orders:write');
  await dialog.getByLabel('Token value', { exact: true }).fill(jwt({ iss: 'https://auth.example', aud: 'shop', scope: 'orders:read', exp: 1_600_000_000 }));
  const claims = dialog.getByLabel('Token claims', { exact: true });
  await expect(claims).toContainText('expired');
  await expect(claims).toContainText('https://auth.example');
  await expect(claims).toContainText('Missing expected scopes: orders:write');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The api-key profile: header x-api-key, bound to the gateway's host, secret from the env var.
  await page.getByRole('button', { name: 'New key profile' }).click();
  dialog = page.getByRole('dialog', { name: 'New key profile' });
  await dialog.getByLabel('Name', { exact: true }).fill('team');
  await expect(dialog.getByLabel('Header name', { exact: true })).toHaveValue('x-api-key');
  await dialog.getByLabel('Host 1', { exact: true }).fill('bad host!');
  await expect(dialog.getByText('a host name, *.domain, host:port, [ipv6]:port or *')).toBeVisible();
  await dialog.getByLabel('Host 1', { exact: true }).fill(`127.0.0.1:${gw.port}`);
  await dialog.getByLabel('Key environment variable', { exact: true }).fill('E2E_TEAM_KEY');
  await dialog.getByLabel('Owner', { exact: true }).fill('checkout team');
  await dialog.getByLabel('Expected scopes', { exact: true }).fill('orders:read');
  await page.screenshot({ path: `${SHOTS}/profiles-key.png` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const keyFile = readFileSync(join(dir, 'keys', 'team.yaml'), 'utf8');
  expect(keyFile).toContain('env: E2E_TEAM_KEY');
  expect(keyFile).not.toContain(TEAM_KEY);
  await page.getByRole('list', { name: 'Key profiles' }).getByRole('button', { name: /team/ }).click();
  await expect(page.getByRole('dialog', { name: 'Key profile · team' })).toContainText('from env E2E_TEAM_KEY');
  await page.keyboard.press('Escape');

  // The gateway: from the AWS REST preset (x-api-key convention), rewrite to the Node gateway with a stage prefix.
  await page.getByRole('button', { name: 'New gateway profile' }).click();
  dialog = page.getByRole('dialog', { name: 'New gateway profile' });
  await dialog.getByLabel('Name', { exact: true }).fill('edge');
  await dialog.getByLabel('Preset', { exact: true }).selectOption('aws-api-gateway-rest');
  const card = dialog.getByLabel('Preset conventions', { exact: true });
  await expect(card).toContainText('x-api-key');
  await expect(card).toContainText('https://docs.aws.amazon.com/apigateway/');
  await dialog.getByLabel('From (upstream base)', { exact: true }).fill('https://api.shop.example');
  await dialog.getByLabel('To (gateway base)', { exact: true }).fill(`http://127.0.0.1:${gw.port}`);
  await dialog.getByLabel('Prefix', { exact: true }).fill('/prod');
  await dialog.getByLabel('Sample URL', { exact: true }).fill('https://api.shop.example/orders?limit=10');
  await expect(dialog.getByTestId('rewrite-preview')).toHaveText(`http://127.0.0.1:${gw.port}/prod/orders?limit=10`);
  await dialog.getByRole('button', { name: '+ Add header' }).click();
  await dialog.getByLabel('Gateway header 1 name', { exact: true }).fill('X-Gateway-Token');
  await dialog.getByLabel('Gateway header 1 value', { exact: true }).fill(GATEWAY_TOKEN);
  await page.screenshot({ path: `${SHOTS}/profiles-gateway.png` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  expect(readFileSync(join(dir, 'gateways', 'edge.yaml'), 'utf8')).toContain('preset: aws-api-gateway-rest');

  // Select them in the top bar for the open request, send: 200 through the gateway.
  await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'GET List orders' }).click();
  await page.getByLabel('Key profile', { exact: true }).selectOption('team');
  await page.getByLabel('Gateway profile', { exact: true }).selectOption('edge');
  await page.getByRole('button', { name: 'Send' }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response.getByLabel('Response status', { exact: true })).toContainText('200');
  expect(gw.seen.at(-1)).toEqual({ url: '/prod/orders', key: TEAM_KEY, token: GATEWAY_TOKEN });
  await response.getByRole('tab', { name: 'Timeline' }).click();
  const keyRow = response.locator('tr', { hasText: /^x-api-key/i }).first();
  await expect(keyRow.locator('.origin-badge')).toHaveText('auth');
  await expect(response.locator('tr', { hasText: /^x-gateway-token/i }).first().locator('.origin-badge')).toHaveText('gateway');
  // The key is a secret: masked in the wire view until revealed.
  await expect(keyRow).not.toContainText(TEAM_KEY);
  await expect(keyRow).toContainText('team…9c');
  await keyRow.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/profiles-wire.png` });
  await response.getByRole('button', { name: 'Reveal secrets' }).click();
  await expect(keyRow).toContainText(TEAM_KEY);

  // A key bound to another host: refused before sending, with the remedy.
  const sends = gw.seen.length;
  await page.getByLabel('Key profile', { exact: true }).selectOption('partner');
  await page.getByRole('button', { name: 'Send' }).click();
  const alert = response.getByRole('alert');
  await expect(alert).toContainText('key-host-mismatch');
  await expect(alert).toContainText("add this host to the key profile's hosts");
  expect(gw.seen.length).toBe(sends);

  // The request's own key/gateway, saved to its file from the Key & gateway section.
  await page.getByLabel('Key profile', { exact: true }).selectOption('');
  await page.getByRole('tab', { name: 'Key & gateway' }).click();
  await page.getByLabel('Request key profile', { exact: true }).selectOption('team');
  await page.getByLabel('Request gateway', { exact: true }).selectOption('edge');
  await page.keyboard.press('Control+S');
  await expect.poll(() => readFileSync(join(dir, 'orders', 'list.yaml'), 'utf8')).toContain('key: team');
  expect(readFileSync(join(dir, 'orders', 'list.yaml'), 'utf8')).toContain('gateway: edge');
  await page.getByLabel('Gateway profile', { exact: true }).selectOption('');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(response.getByLabel('Response status', { exact: true })).toContainText('200');
  await new Promise<void>((r) => gw.server.close(() => r()));
});
