import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { GatewayProfileSchema, KeyProfileSchema } from '../../../shared/model';
import { gatewaySecretFields, keySecretFields, missingSecrets } from '../../../shared/profiles';

// The files a workspace keeps (keys/<name>.yaml, gateways/<name>.yaml), parsed with the yaml package
// the workspace code uses and validated with the profile schemas.
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

describe('profile YAML files', () => {
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

});
