import { expect, test } from './support/fixtures';
import { SHOTS } from './support/shots';

test('the token leaves the address bar and the empty state teaches', async ({ page, openApp }) => {
  await page.setViewportSize({ width: 1360, height: 820 });
  await openApp();
  expect(page.url()).not.toContain('token=');
  await expect(page.getByText('No response yet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open folder' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Import' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/empty.png` });
});

test('params and URL stay in sync; Ctrl+L focuses the URL; tabs open and close', async ({ page, openApp }) => {
  await page.setViewportSize({ width: 1360, height: 820 });
  await openApp();
  const url = page.getByLabel('URL', { exact: true });
  await url.fill('http://127.0.0.1:9/items?limit=10&sort=asc');
  await expect(page.getByLabel('Param 2 value')).toHaveValue('asc');
  await page.getByLabel('Param 1 value').fill('25');
  await expect(url).toHaveValue('http://127.0.0.1:9/items?limit=25&sort=asc');
  await page.getByLabel('Enable param 2').uncheck();
  await expect(url).toHaveValue('http://127.0.0.1:9/items?limit=25');
  await page.getByLabel('New param name').fill('q');
  await expect(url).toHaveValue('http://127.0.0.1:9/items?limit=25&q');

  await page.getByRole('tab', { name: /Body/ }).first().click();
  await page.getByLabel('Method').selectOption('POST');
  await page.getByRole('radio', { name: 'JSON' }).check();
  await expect(page.getByTestId('code-editor')).toBeVisible();
  await expect(page.getByTestId('code-editor').locator('.view-lines')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/request-body-json.png` });

  await page.keyboard.press('Control+L');
  await expect(url).toBeFocused();

  const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
  await expect(tabs).toHaveCount(1);
  await page.getByRole('button', { name: 'New tab' }).click();
  await expect(tabs).toHaveCount(2);
  await expect(url).toHaveValue('');
  await page.keyboard.press('Control+T');
  await expect(tabs).toHaveCount(3);
  await tabs.first().click();
  await expect(url).toHaveValue('http://127.0.0.1:9/items?limit=25&q');
});

test('the splitter between request and response can be dragged', async ({ page, openApp }) => {
  await page.setViewportSize({ width: 1360, height: 820 });
  await openApp();
  const response = page.getByRole('region', { name: 'Response' });
  const before = (await response.boundingBox())!.height;
  const sep = page.getByRole('separator', { name: 'Resize request and response' });
  const box = (await sep.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 150, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await response.boundingBox())!.height).toBeLessThan(before - 100);
});
