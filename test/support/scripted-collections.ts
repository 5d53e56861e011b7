// A Bruno collection folder and an Insomnia v5 export with scripts, written for a base URL: the
// runner's script tests run them, and `bru run` was run by hand on the very same Bruno folder
// (test/integration/runner/scripts-bruno-insomnia.test.ts states what it reported).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const bru = (blocks: Record<string, string>): string =>
  Object.entries(blocks).map(([name, body]) => `${name} {\n${body.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n')}\n}\n`).join('\n');

/** Login stores a token, List orders sends it from a pre-request script, Echo rewrites its body, Mail needs bru.sendRequest, Locked's pre-request throws. */
export async function writeBrunoCollection(dir: string, base: string): Promise<void> {
  await mkdir(join(dir, 'environments'), { recursive: true });
  await mkdir(join(dir, 'Auth'));
  await mkdir(join(dir, 'Orders'));
  await writeFile(join(dir, 'bruno.json'), JSON.stringify({ version: '1', name: 'Scripted Bruno', type: 'collection' }));
  await writeFile(join(dir, 'environments', 'local.bru'), bru({ vars: `base: ${base}` }));
  await writeFile(join(dir, 'collection.bru'), bru({
    'script:pre-request': "bru.setVar('client', 'clearance-test');",
    tests: "test('answers in time', () => expect(res.getResponseTime()).to.be.below(5000));",
  }));
  await writeFile(join(dir, 'Auth', 'folder.bru'), bru({ meta: 'name: Auth\nseq: 1' }));
  await writeFile(join(dir, 'Auth', 'Login.bru'), bru({
    meta: 'name: Login\ntype: http\nseq: 1',
    post: 'url: {{base}}/login\nbody: none\nauth: none',
    headers: 'X-Client: {{client}}',
    'script:post-response': "bru.setEnvVar('token', res.body.token);",
    assert: 'res.status: eq 200\nres.body.token: startsWith tok-',
    tests: "test('login is 200', () => expect(res.getStatus()).to.equal(200));",
  }));
  await writeFile(join(dir, 'Orders', 'folder.bru'), bru({ meta: 'name: Orders\nseq: 2' }));
  await writeFile(join(dir, 'Orders', 'List orders.bru'), bru({
    meta: 'name: List orders\ntype: http\nseq: 1',
    get: 'url: {{base}}/orders\nbody: none\nauth: none',
    'script:pre-request': "req.setHeader('Authorization', 'Bearer ' + bru.getEnvVar('token'));\nreq.setHeader('X-Client', bru.getVar('client'));",
    'vars:post-response': 'firstId: res.body.orders[0].id',
    assert: 'res.status: eq 200\nres.body.count: eq 2\nres.body.orders: length 3',
    tests: [
      "test('count is 2', () => expect(res.body.count).to.equal(2));",
      "test('has three orders', () => expect(res.body.orders).to.have.lengthOf(3));",
    ].join('\n'),
  }));
  await writeFile(join(dir, 'Orders', 'Echo.bru'), bru({
    meta: 'name: Echo\ntype: http\nseq: 2',
    post: 'url: {{base}}/echo\nbody: json\nauth: none',
    headers: 'Content-Type: application/json',
    'body:json': '{"a": 1}',
    'script:pre-request': "req.setBody({ ...req.getBody(), firstId: bru.getVar('firstId') });",
    tests: "test('echoed', () => expect(res.body.firstId).to.equal(1));",
  }));
  await writeFile(join(dir, 'Orders', 'Mail.bru'), bru({
    meta: 'name: Mail\ntype: http\nseq: 3',
    get: 'url: {{base}}/users/mail\nbody: none\nauth: none',
    tests: "test('mail sent', async () => { const r = await bru.sendRequest({ method: 'GET', url: bru.getEnvVar('base') + '/users/sent' }); expect(r.status).to.equal(200); });",
  }));
  await writeFile(join(dir, 'Orders', 'Locked.bru'), bru({
    meta: 'name: Locked\ntype: http\nseq: 4',
    get: 'url: {{base}}/users/locked\nbody: none\nauth: none',
    'script:pre-request': "throw new Error('no key yet');",
  }));
}

/** Login stores a token in the picked environment, List orders adds a header from a pre-request script and tests the response. */
export function insomniaExport(base: string): string {
  return `type: collection.insomnia.rest/5.0
name: Scripted Insomnia
collection:
  - name: Login
    url: "{{ _.base }}/login"
    method: POST
    meta: { sortKey: 1 }
    scripts:
      afterResponse: |-
        insomnia.test('login is 200', () => { insomnia.expect(insomnia.response.code).to.eql(200); });
        insomnia.environment.set('token', insomnia.response.json().token);
  - name: Orders
    meta: { sortKey: 2 }
    children:
      - name: List orders
        url: "{{ _.base }}/orders"
        method: GET
        headers:
          - name: Authorization
            value: "Bearer {{ _.token }}"
        scripts:
          preRequest: |-
            insomnia.request.headers.add({ key: 'X-Client', value: 'insomnia-' + insomnia.environment.get('who') });
          afterResponse: |-
            insomnia.test('count is 2', () => { insomnia.expect(insomnia.response.json().count).to.eql(2); });
            insomnia.test('has three orders', () => { insomnia.expect(insomnia.response.json().orders.length).to.eql(3); });
environments:
  name: Base Environment
  data:
    base: ${base}
    who: base
  subEnvironments:
    - name: Local
      data:
        who: local
`;
}
