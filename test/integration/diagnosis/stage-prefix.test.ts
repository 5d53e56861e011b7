// The stage-prefix family against an API Gateway-like server: a path no route matches gets 403
// "Missing Authentication Token" (not a 404). A request written without the stage finds it under
// /prod; a gateway profile whose rewrite adds /v1 to a deployment served without it finds the path
// without the prefix. Same host only, the key kept (it is bound there), and the curl runs as printed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diagnoseSource } from '../../../electron/diagnosis/from-source';
import { prefixPaths } from '../../../electron/diagnosis/probes/stage-prefix.probe';
import { startHttp, type TestServer } from '../../support/servers';
import { curlStatus, expectSafe, workspace, type Seen } from './helpers';

const KEY = 'stage-key-0c4f1e2d';
let staged: TestServer;
let mapped: TestServer;
const seen: Seen[] = [];

function apigw(routes: string[], needKey: boolean) {
  return (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const amzn = { 'content-type': 'application/json', 'x-amzn-RequestId': '3f1c9e2a-1111-4222-8333-444455556666', 'x-amz-apigw-id': 'Qx1yFHcLIAMEbXg=' };
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!routes.includes(path)) {
      return void res.writeHead(403, { ...amzn, 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' }).end('{"message":"Missing Authentication Token"}');
    }
    if (needKey && req.headers['x-api-key'] !== KEY) return void res.writeHead(403, { ...amzn, 'x-amzn-ErrorType': 'ForbiddenException' }).end('{"message":"Forbidden"}');
    res.writeHead(200, amzn).end('{"orders":[]}');
  };
}

let dir = '';
beforeAll(async () => {
  staged = await startHttp(apigw(['/prod/orders'], false));
  mapped = await startHttp(apigw(['/orders'], true));
  dir = await workspace({
    'keys/team.yaml': ['name: team', 'kind: api-key', 'param: x-api-key', 'hosts:', `  - 127.0.0.1:${mapped.port}`, 'key:', '  secret: true', '  env: STAGE_KEY', ''].join('\n'),
    'gateways/apigw.yaml': ['name: apigw', 'preset: aws-api-gateway-rest', 'rewrite:', '  from: https://api.shop.example', `  to: http://127.0.0.1:${mapped.port}`, '  prefix: /v1', ''].join('\n'),
  });
});
afterAll(async () => {
  await staged.close();
  await mapped.close();
});
beforeEach(() => { seen.length = 0; });

describe('stage-prefix', () => {
  it('a path without the stage: "Missing Authentication Token", and /prod/orders is the fix', async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: `${staged.url}/orders` } }, {});
    expect(d.explanation.producer?.id).toBe('aws-api-gateway');
    expect(d.explanation.cause).toBe('method-or-path-blocked');
    expect(d.probes[0]?.id).toBe('stage-prefix:with:prod');
    expect(d.fix?.probe).toBe('stage-prefix:with:prod');
    expect(d.fix?.change).toBe('path /prod/orders instead of /orders (with the stage or route prefix /prod)');
    expect(d.cause).toBe('method-or-path-blocked');
    expect(new Set(seen.map((s) => s.headers.host))).toEqual(new Set([`127.0.0.1:${staged.port}`]));
    expectSafe(seen, 40);
    expect(await curlStatus(d.fix!.curl)).toBe('200');
  });

  it("a gateway profile that adds /v1 to a deployment served without it: the path without the prefix, with the key", async () => {
    const d = await diagnoseSource({ kind: 'spec', request: { method: 'GET', url: 'https://api.shop.example/orders' }, dir }, { gateway: 'apigw', key: 'team' },
      { deps: { environ: { STAGE_KEY: KEY } } });
    expect(d.baseline.url).toBe(`http://127.0.0.1:${mapped.port}/v1/orders`);
    expect(d.fix?.probe).toBe('stage-prefix:without:v1');
    expect(d.fix?.status).toBe(200);
    expect(seen.at(-1)?.headers['x-api-key']).toBe(KEY);
    expectSafe(seen, 40);
    expect(await curlStatus(d.fix!.curl)).toBe('200');
  });

  it('the paths it tries', () => {
    expect(prefixPaths('/orders', '/prod', false).map((p) => p.path)).toEqual(['/prod/orders']);
    expect(prefixPaths('/prod/orders', '/prod', false).map((p) => p.path)).toEqual(['/orders']);
    expect(prefixPaths('/v2/orders', null, true).map((p) => p.path)).toEqual(['/orders']);
    expect(prefixPaths('/orders', null, true).map((p) => p.path)).toEqual(['/prod/orders', '/v1/orders']);
    expect(prefixPaths('/orders', null, false)).toEqual([]);
  });
});
