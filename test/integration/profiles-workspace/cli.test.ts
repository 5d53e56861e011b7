import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import type { TestServer } from '../../support/servers';
import { ENVIRON, GATEWAY_TOKEN, makeWorkspace, startGateway, TEAM_KEY, type Seen } from './helpers';

// The built CLI (npm test builds it first; by hand: npx electron-vite build), one process per command.
let dir: string;
let home: string;
let gateway: TestServer;
const seen: Seen[] = [];

beforeAll(async () => {
  gateway = await startGateway(seen);
  dir = await makeWorkspace(gateway.port);
  home = await mkdtemp(join(tmpdir(), 'clearance-profiles-cli-home-'));
});

afterAll(async () => {
  await gateway.close();
  await rm(dir, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
});

const env = () => ({ ...ENVIRON, CLEARANCE_HOME: home, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });
const file = () => join(dir, 'orders', 'list.yaml');

describe('clearance send --key/--gateway', () => {
  it('sends a workspace request through --key and --gateway: 200, the wire view shows auth and gateway origins', async () => {
    seen.length = 0;
    const r = await runCli(['send', file(), '--workspace', dir, '--key', 'team', '--gateway', 'local', '--json'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    const rec = JSON.parse(r.stdout) as { status: number; wire: { url: string; headers: Array<{ name: string; origin: string }> } };
    expect(rec.status).toBe(200);
    expect(rec.wire.url).toBe(`http://127.0.0.1:${gateway.port}/v1/orders`);
    expect(rec.wire.headers.map((h) => [h.name.toLowerCase(), h.origin])).toEqual(expect.arrayContaining([['x-api-key', 'auth'], ['x-gateway-token', 'gateway']]));
    expect(seen[0]!.headers).toMatchObject({ 'x-api-key': TEAM_KEY, 'x-gateway-token': GATEWAY_TOKEN });
  });

  it('--curl with --workspace takes the profiles from that workspace', async () => {
    seen.length = 0;
    const r = await runCli(['send', '--curl', 'curl https://api.shop.example/stock', '--workspace', dir, '--key', 'team', '--gateway', 'local', '-v'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(seen[0]).toMatchObject({ url: '/v1/stock', headers: { 'x-api-key': TEAM_KEY } });
    expect(r.stdout).toContain('"ok":true');
  });

  it('the wrong key gets the gateway\'s 403 (exit 0, or 1 with --fail)', async () => {
    const r = await runCli(['send', file(), '--key', 'partner', '--fail'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('403');
  });

  it('an unknown profile exits 2 naming it and listing the available ones', async () => {
    const r = await runCli(['send', file(), '--key', 'nope'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('clearance: no key profile named nope (available: elsewhere, partner, team)');
    const g = await runCli(['send', '--curl', 'curl https://api.shop.example/', '--workspace', dir, '--gateway', 'kong'], { env: env() });
    expect(g.code).toBe(2);
    expect(g.stderr).toContain('no gateway profile named kong (available: local)');
  });

  it('a key bound to other hosts exits 1 with the key-host-mismatch message and remedy, and nothing is sent', async () => {
    seen.length = 0;
    const r = await runCli(['send', file(), '--key', 'elsewhere'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Key profile "elsewhere" is bound to api\.partner\.example; refusing to send it to 127\.0\.0\.1/);
    expect(r.stderr).toMatch(/add this host to the key profile's hosts/);
    expect(seen).toHaveLength(0);
  });

  it('--key with --curl and no workspace anywhere is a usage error', async () => {
    const r = await runCli(['send', '--curl', 'curl http://127.0.0.1:1/', '--key', 'team'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--key needs the workspace that holds the profiles');
  });

  it('history shows the sends with the secrets redacted', async () => {
    const r = await runCli(['history', '--json'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('/v1/orders');
    expect(r.stdout).not.toContain(TEAM_KEY);
    expect(r.stdout).not.toContain(GATEWAY_TOKEN);
  });
});
