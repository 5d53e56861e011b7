import { describe, expect, it } from 'vitest';
import { DIRECT_GATEWAY, GatewayProfileSchema, KeyProfileSchema } from '../../../../shared/model';
import { gatewaySecretFields, keySecretFields, missingSecrets } from '../../../../shared/profiles';

describe('profile schemas', () => {
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

  it('gateway secrets: secret headers, proxy password, TLS passphrase', () => {
    const gw = GatewayProfileSchema.parse({
      name: 'g', headers: [{ name: 'X-Tenant', value: 'acme' }, { name: 'X-Token', value: { secret: true } }],
      proxy: { url: 'http://proxy:3128', username: 'u', password: { secret: true, env: 'PROXY_PASS' } }, tls: { pfx: './c.p12', passphrase: { secret: true } },
    });
    expect(gatewaySecretFields(gw).map((f) => f.field)).toEqual(['headers.X-Token', 'proxy.password', 'tls.passphrase']);
    expect(missingSecrets(gatewaySecretFields(gw), { 'headers.X-Token': 't' })).toEqual(['proxy.password', 'tls.passphrase']);
  });

  it('direct is a gateway too', () => {
    expect(DIRECT_GATEWAY).toMatchObject({ name: 'direct', preset: 'direct', headers: [] });
    expect(DIRECT_GATEWAY.rewrite).toBeUndefined();
  });
});
