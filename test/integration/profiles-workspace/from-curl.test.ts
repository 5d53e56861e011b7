import { describe, expect, it } from 'vitest';
import { parseCurl, profilesFromCurl } from '../../../shared/curl';
import { GatewayProfileSchema, KeyProfileSchema } from '../../../shared/model';
import { importCurlText } from '../../../electron/importers/curl';

const map = (cmd: string, opts?: Parameters<typeof profilesFromCurl>[1]) => {
  const out = profilesFromCurl(parseCurl(cmd), opts);
  // Whatever comes out is a valid profile and holds no secret value.
  if (out.key) expect(KeyProfileSchema.safeParse(out.key).error).toBeUndefined();
  if (out.gateway) expect(GatewayProfileSchema.safeParse(out.gateway).error).toBeUndefined();
  for (const v of [...Object.values(out.keySecrets), ...Object.values(out.gatewaySecrets)]) {
    expect(JSON.stringify([out.key, out.gateway])).not.toContain(v);
  }
  return out;
};

describe('profilesFromCurl', () => {
  it('-u user:pass → a basic key profile bound to the URL host; the Authorization header leaves the request', () => {
    const out = map("curl -u alice:s3cret https://api.example.com/me -H 'Accept: application/json'");
    expect(out.key).toEqual({ name: 'api.example.com-basic', hosts: ['api.example.com'], kind: 'basic', username: 'alice', password: { secret: true } });
    expect(out.keySecrets).toEqual({ password: 's3cret' });
    expect(out.request.headers.map((h) => h.name)).toEqual(['Accept']);
    expect(out.gateway).toBeUndefined();
  });

  it('Authorization: Bearer → bearer; the host keeps an explicit port', () => {
    const out = map("curl -H 'Authorization: Bearer eyJhbGciOi.abc.def' http://127.0.0.1:8080/x");
    expect(out.key).toMatchObject({ kind: 'bearer', scheme: 'Bearer', token: { secret: true }, hosts: ['127.0.0.1:8080'] });
    expect(out.keySecrets).toEqual({ token: 'eyJhbGciOi.abc.def' });
    expect(out.request.headers).toEqual([]);
  });

  it.each(['x-api-key', 'apikey', 'Ocp-Apim-Subscription-Key', 'x-apikey'])('-H %s → api-key in that header', (name) => {
    const out = map(`curl -H '${name}: k-123456' https://gw.example.com/v1/a`, { keyName: 'team' });
    expect(out.key).toEqual({ name: 'team', hosts: ['gw.example.com'], kind: 'api-key', in: 'header', param: name, key: { secret: true } });
    expect(out.keySecrets).toEqual({ key: 'k-123456' });
    expect(out.request.headers).toEqual([]);
  });

  it.each([['api_key'], ['key']])('?%s= → api-key in the query, taken out of the URL (other parameters kept as written)', (param) => {
    const out = map(`curl 'https://maps.example.com/geo?q=a%20b&${param}=AIza-xyz&z=1'`);
    expect(out.key).toMatchObject({ kind: 'api-key', in: 'query', param, hosts: ['maps.example.com'] });
    expect(out.keySecrets).toEqual({ key: 'AIza-xyz' });
    expect(out.request.url).toBe('https://maps.example.com/geo?q=a%20b&z=1');
  });

  it('-G -d key=... (a params row) → api-key in the query', () => {
    const out = map("curl -G -d key=zz-9999 -d q=1 https://api.example.com/s");
    expect(out.key).toMatchObject({ kind: 'api-key', in: 'query', param: 'key' });
    expect(out.request.params).toEqual([{ name: 'q', value: '1', enabled: true }]);
  });

  it('two header credentials → one custom-headers profile, each a secret', () => {
    const out = map("curl -H 'Authorization: Bearer t0k3n' -H 'x-api-key: k-1' https://api.example.com/");
    expect(out.key).toMatchObject({ kind: 'custom-headers', headers: [{ name: 'Authorization', value: { secret: true } }, { name: 'x-api-key', value: { secret: true } }] });
    expect(out.keySecrets).toEqual({ 'headers.Authorization': 'Bearer t0k3n', 'headers.x-api-key': 'k-1' });
  });

  it('credentials written as {{variables}} stay on the request', () => {
    const out = map("curl -H 'x-api-key: {{apiKey}}' https://api.example.com/");
    expect(out.key).toBeUndefined();
    expect(out.request.headers).toEqual([{ name: 'x-api-key', value: '{{apiKey}}', enabled: true }]);
  });

  it('-x/-U → gateway proxy with the password as a secret; TLS flags → gateway TLS', () => {
    const out = map('curl -x http://proxy.corp:3128 -U me:pw-777 --cacert ca.pem --cert client.pem --key client.key -k https://api.example.com/', { gatewayName: 'corp' });
    expect(out.gateway).toEqual({
      name: 'corp',
      proxy: { url: 'http://proxy.corp:3128', username: 'me', password: { secret: true } },
      tls: { verify: false, ca: 'ca.pem', cert: 'client.pem', key: 'client.key' },
    });
    expect(out.gatewaySecrets).toEqual({ 'proxy.password': 'pw-777' });
    expect(out.options.proxy).toBeUndefined();
    expect(out.options.tls).toBeUndefined();
  });

  it('credentials inside the proxy URL are taken out too', () => {
    const out = map('curl -x http://bob:hunter22@proxy.corp:8080 https://api.example.com/');
    expect(out.gateway?.proxy).toEqual({ url: 'http://proxy.corp:8080', username: 'bob', password: { secret: true } });
    expect(out.gatewaySecrets).toEqual({ 'proxy.password': 'hunter22' });
  });

  it('a plain request maps to nothing', () => {
    const out = map('curl https://api.example.com/health');
    expect(out).toMatchObject({ keySecrets: {}, gatewaySecrets: {}, notes: [] });
    expect(out.key).toBeUndefined();
    expect(out.gateway).toBeUndefined();
  });
});

describe('curl import uses it', () => {
  it('writes key and gateway profiles (secret refs) instead of raw secret headers; identical settings share one profile', () => {
    const text = [
      "# A\ncurl -H 'x-api-key: k-abcdef' -x http://proxy.corp:3128 -U me:pw-777 https://api.example.com/a",
      "# B\ncurl -H 'x-api-key: k-abcdef' -x http://proxy.corp:3128 -U me:pw-777 https://api.example.com/b",
    ].join('\n');
    const { collection: c, warnings } = importCurlText('cmds.sh', text);
    const reqs = c.items.map((i) => (i.type === 'request' ? i.request : null));
    expect(reqs.map((r) => [r?.key, r?.gateway, r?.headers, r?.options?.proxy])).toEqual([['api-key-x-api-key', 'api.example.com-route', undefined, undefined], ['api-key-x-api-key', 'api.example.com-route', undefined, undefined]]);
    expect(c.keys).toEqual([expect.objectContaining({ name: 'api-key-x-api-key', kind: 'api-key', in: 'header', param: 'x-api-key', key: { secret: true }, hosts: ['api.example.com'] })]);
    expect(c.gateways).toEqual([{ name: 'api.example.com-route', proxy: { url: 'http://proxy.corp:3128', username: 'me', password: { secret: true } } }]);
    expect(JSON.stringify(c)).not.toMatch(/k-abcdef|pw-777/);
    expect(warnings.some((w) => w.includes("gateway profile 'api.example.com-route' takes it from the keychain"))).toBe(true);
    for (const k of c.keys ?? []) expect(KeyProfileSchema.safeParse(k).error).toBeUndefined();
    for (const g of c.gateways ?? []) expect(GatewayProfileSchema.safeParse(g).error).toBeUndefined();
  });
});
