import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DIRECT_GATEWAY, GatewayProfileSchema, KeyProfileSchema } from '../../../../shared/model';
import { gatewaySecretFields, keySecretFields, missingSecrets } from '../../../../shared/profiles';

const KEY_YAML = `
name: orders-prod
kind: api-key
owner: payments-team
tenant: acme
hosts: [api.example.com, "*.execute-api.eu-west-1.amazonaws.com"]
scopes: [orders.read]
expires: 2026-12-31
in: header
param: x-api-key
key: { secret: true, env: ORDERS_API_KEY }
`;

const GATEWAY_YAML = `
name: aws-prod
preset: aws-api-gateway-rest
rewrite: { from: "https://api.example.com", to: "https://abc123.execute-api.eu-west-1.amazonaws.com", prefix: /prod }
proxy: { url: "http://proxy.corp.example:3128", username: jdoe, password: { secret: true }, noProxy: [.corp.example] }
headers:
  - { name: X-Tenant, value: acme }
  - { name: X-Gateway-Token, value: { secret: true, env: GW_TOKEN } }
tls: { ca: /etc/ssl/corp-ca.pem, cert: ./client.pem, key: ./client.key, passphrase: { secret: true }, servername: api.example.com }
timeouts: { connectMs: 5000 }
`;

describe('profile schemas', () => {
  it('parses the YAML a workspace stores, with defaults', () => {
    const key = KeyProfileSchema.parse(parseYaml(KEY_YAML));
    expect(key).toMatchObject({ kind: 'api-key', in: 'header', param: 'x-api-key', prefix: '', hosts: ['api.example.com', '*.execute-api.eu-west-1.amazonaws.com'] });
    const gw = GatewayProfileSchema.parse(parseYaml(GATEWAY_YAML));
    expect(gw.rewrite).toEqual({ from: 'https://api.example.com', to: 'https://abc123.execute-api.eu-west-1.amazonaws.com', prefix: '/prod' });
    expect(gw.tls?.verify).toBe(true);
    expect(keySecretFields(key)).toEqual([{ field: 'key', ref: { secret: true, env: 'ORDERS_API_KEY' } }]);
    expect(gatewaySecretFields(gw).map((f) => f.field)).toEqual(['headers.X-Gateway-Token', 'proxy.password', 'tls.passphrase']);
    expect(missingSecrets(gatewaySecretFields(gw), { 'proxy.password': 'x' })).toEqual(['headers.X-Gateway-Token', 'tls.passphrase']);
  });

  it('every kind parses and names its secret fields', () => {
    const base = { name: 'k', hosts: ['a.test'] };
    const s = { secret: true };
    const kinds = [
      { kind: 'bearer', token: s }, { kind: 'basic', username: 'u', password: s }, { kind: 'digest', username: 'u', password: s },
      { kind: 'oauth2-client-credentials', tokenUrl: 'https://idp.test/token', clientId: 'c', clientSecret: s, scope: ['a'], audience: 'api' },
      { kind: 'aws-sigv4', accessKeyId: 'AKID', secretAccessKey: s, sessionToken: s, service: 'execute-api', region: 'eu-west-1' },
      { kind: 'custom-headers', headers: [{ name: 'X-A', value: 'lit' }, { name: 'X-B', value: s }] },
    ];
    const fields = kinds.map((k) => keySecretFields(KeyProfileSchema.parse({ ...base, ...k })).map((f) => f.field));
    expect(fields).toEqual([['token'], ['password'], ['password'], ['clientSecret'], ['secretAccessKey', 'sessionToken'], ['headers.X-B']]);
  });

  it('refuses secrets written inline, missing host bindings, unknown fields and bad names', () => {
    const ok = { name: 'k', kind: 'bearer', hosts: ['a.test'], token: { secret: true } };
    expect(KeyProfileSchema.safeParse(ok).success).toBe(true);
    expect(KeyProfileSchema.safeParse({ ...ok, token: 'sk-live-123' }).success).toBe(false);
    expect(KeyProfileSchema.safeParse({ ...ok, hosts: [] }).success).toBe(false);
    expect(KeyProfileSchema.safeParse({ ...ok, hostz: ['x'] }).success).toBe(false);
    expect(KeyProfileSchema.safeParse({ ...ok, token: { secret: true, env: 'BAD-NAME' } }).success).toBe(false);
    const apiKey = { name: 'k', kind: 'api-key', hosts: ['a.test'], key: { secret: true } };
    expect(KeyProfileSchema.safeParse({ ...apiKey, param: 'bad header' }).success).toBe(false);
    expect(KeyProfileSchema.safeParse({ ...apiKey, in: 'query', param: 'api key' }).success).toBe(true);
    expect(GatewayProfileSchema.safeParse({ name: 'g', proxy: { url: 'socks5://x:1' } }).success).toBe(false);
  });

  it('direct is a gateway too', () => {
    expect(DIRECT_GATEWAY).toMatchObject({ name: 'direct', preset: 'direct', headers: [] });
    expect(DIRECT_GATEWAY.rewrite).toBeUndefined();
  });
});
