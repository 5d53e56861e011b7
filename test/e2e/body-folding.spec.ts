// The response viewer folds pretty-printed JSON: each object or array has a marker on its first
// line; folded, its inner lines leave the virtual list (the opening and closing lines stay), and a
// fold inside a folded one is kept when the outer one opens again.
import { expect, test } from './support/fixtures';
import { startHttp, type TestServer } from '../support/servers';

let server: TestServer;
const seen: string[] = [];
const BODY = { user: { name: 'ada', roles: ['admin', 'dev'] }, items: [1, 2, 3], tail: 'end' };

test.beforeAll(async () => {
  server = await startHttp(async (req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(BODY));
  });
});
test.afterAll(async () => server.close());

test('a JSON body in Pretty folds and unfolds objects and arrays from the line numbers', async ({ page, openApp }) => {
  await openApp();
  await page.getByLabel('URL', { exact: true }).fill(`${server.url}/nested`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  const body = response.getByRole('document', { name: 'Response body' });
  await expect(body).toContainText('"admin"');
  expect(seen).toContain('/nested');
  // Lines: 1 {, 2 "user": {, 3 "name", 4 "roles": [, 5 admin, 6 dev, 7 ], 8 }, 9 "items": [ ... 13 ], 14 "tail", 15 }.
  await body.getByRole('button', { name: 'Fold line 4' }).click();
  await expect(body).not.toContainText('"admin"');
  await expect(body).toContainText('"name": "ada"');
  await body.getByRole('button', { name: 'Fold line 2' }).click();
  await expect(body).not.toContainText('"name": "ada"');
  await expect(body).toContainText('⋯ 5 lines'); // lines 3 to 7
  await expect(body).toContainText('"items"');
  await expect(body).toContainText('"tail": "end"');
  await body.getByRole('button', { name: 'Unfold line 2' }).click();
  await expect(body).toContainText('"name": "ada"');
  // The inner fold was kept.
  await expect(body).not.toContainText('"admin"');
  await body.getByRole('button', { name: 'Unfold line 4' }).click();
  await expect(body).toContainText('"admin"');
  // Raw shows the body as sent, without markers.
  await response.getByRole('button', { name: 'Raw' }).click();
  await expect(body.getByRole('button', { name: /Fold line/ })).toHaveCount(0);
});
