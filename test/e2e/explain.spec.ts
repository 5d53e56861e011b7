import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';

import { SHOTS } from './support/shots';

async function send(page: Page, url: string) {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toBeVisible();
}

const card = (page: Page) => page.getByRole('region', { name: 'Response' }).getByRole('region', { name: 'Explanation' });

test.describe('the explanation card', () => {
  test.beforeEach(async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1360, height: 860 });
    await openApp();
  });

  test('AWS API Gateway 403: producer, cause, confidence and evidence in one block with the alert', async ({ page, target }) => {
    await send(page, `${target.base}/aws/forbidden`);
    const c = card(page);
    await expect(c).toBeVisible();
    const alert = page.getByRole('region', { name: 'Response' }).getByRole('alert');
    await expect(alert).toHaveCount(1);
    await expect(alert).toContainText('403 Forbidden');
    await expect(alert).toContainText('Refused by Amazon API Gateway (gateway) — missing credentials');
    await expect(c).toContainText('Amazon API Gateway');
    await expect(c).toContainText('Missing credentials');
    await expect(c.getByRole('meter', { name: 'Confidence' })).toHaveAttribute('aria-valuenow', /\d+/);
    await expect(c.getByRole('button', { name: /Show evidence x-amzn-errortype: ForbiddenException/ })).toBeVisible();
    await expect(c).toContainText('x-api-key');
    await expect(c).toContainText('Invalid credentials'); // another plausible cause
    await expect(c.getByRole('button', { name: 'Troubleshoot', exact: true })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/explain-aws.png` });
  });

  test('nginx 403 page: nginx (web server), the ranked causes, the checklist', async ({ page, target }) => {
    await send(page, `${target.base}/nginx/forbidden`);
    const c = card(page);
    await expect(c).toContainText('nginx');
    await expect(c).toContainText('web server');
    await expect(c).toContainText('IP or location blocked');
    await expect(c.locator('.alt-tag')).toHaveCount(3);
    await page.screenshot({ path: `${SHOTS}/explain-nginx.png` });
    await c.getByRole('button', { name: /Checklist/ }).click();
    const steps = c.getByRole('list').filter({ hasText: 'Verify permissions and authentication' }).getByRole('listitem');
    await expect(steps).toHaveCount(4);
    await expect(steps.nth(1)).toContainText('deny');
    await page.screenshot({ path: `${SHOTS}/explain-checklist.png`, animations: 'disabled' });
  });

  test('Cloudflare block page: WAF or bot protection, light and dark', async ({ page, target }) => {
    await send(page, `${target.base}/cloudflare/blocked`);
    const c = card(page);
    await expect(c).toContainText('Cloudflare');
    await expect(c).toContainText('CDN / WAF');
    await expect(c).toContainText('WAF or bot protection');
    await expect(page.getByRole('region', { name: 'Response' }).getByRole('alert')).toContainText('Refused by Cloudflare');
    await page.screenshot({ path: `${SHOTS}/explain-cloudflare.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/explain-cloudflare-dark.png` });
  });

  test('a layer named only by a mark of its vendor says so next to its name', async ({ page, target }) => {
    await send(page, `${target.base}/relayed/github`);
    const c = card(page);
    await expect(c.locator('.explain-producer')).toContainText('GitHub API');
    await expect(c.locator('.explain-named-by')).toHaveText('named by a mark of its vendor');
    await page.screenshot({ path: `${SHOTS}/explain-named-by-mark.png` });
  });

  test('429 with Retry-After: rate limited, an unidentified layer', async ({ page, target }) => {
    await send(page, `${target.base}/rate-limited`);
    const c = card(page);
    await expect(c).toContainText('Rate limited');
    await expect(page.getByRole('region', { name: 'Response' }).getByRole('alert'))
      .toContainText('429 Too Many Requests — Refused by an unidentified layer — rate limited');
    await expect(c.getByRole('button', { name: /Show evidence retry-after: 30/ })).toBeVisible();
  });

  test('a 200 shows no card and no alert', async ({ page, target }) => {
    await send(page, `${target.base}/api/ok`);
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Response status')).toContainText('200');
    await expect(response.getByTestId('code-viewer')).toContainText('first order');
    await expect(card(page)).toHaveCount(0);
    await expect(response.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.request-tab.active .status-dot')).toHaveClass(/tone-success/);
  });

  test('a block page served with 200 is a refusal: card, red tab dot, red history entry', async ({ page, target }) => {
    await send(page, `${target.base}/f5/rejected`);
    await expect(card(page)).toBeVisible();
    await expect(card(page)).toContainText('WAF or bot protection');
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status').locator('.status-badge')).toHaveClass(/tone-refused/);
    await expect(page.locator('.request-tab.active .status-dot')).toHaveClass(/tone-refused/);
    const entry = page.getByRole('list', { name: 'Recent sends' }).getByRole('listitem').first();
    await expect(entry).toContainText('200');
    await expect(entry.locator('.status-dot')).toHaveClass(/tone-refused/);
  });

  test('a 200 whose JSON says the call was refused is a refusal everywhere: card, badge, tab dot, history', async ({ page, target }) => {
    await send(page, `${target.base}/slack/not-authed`);
    await expect(card(page)).toContainText('Slack Web API');
    await expect(card(page)).toContainText('Missing credentials');
    await expect(card(page)).toContainText('Slack received no token.'); // the reason as the explanation states it
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status').locator('.status-badge')).toHaveClass(/tone-refused/);
    await expect(page.locator('.request-tab.active .status-dot')).toHaveClass(/tone-refused/);
    // history's dot reads the verdict the backend stored with the entry
    const entry = page.getByRole('list', { name: 'Recent sends' }).getByRole('listitem').filter({ hasText: 'not-authed' }).first();
    await expect(entry.locator('.status-dot')).toHaveClass(/tone-refused/);
  });

  test('a header evidence chip opens Headers with that row highlighted', async ({ page, target }) => {
    await send(page, `${target.base}/aws/forbidden`);
    await card(page).getByRole('button', { name: /Show evidence x-amzn-errortype/ }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByRole('tab', { name: /Headers/ })).toHaveAttribute('aria-selected', 'true');
    const row = response.getByRole('row').filter({ hasText: 'x-amzn-errortype' });
    await expect(row).toHaveAttribute('aria-current', 'true');
    await expect(response.locator('tr[aria-current="true"]')).toHaveCount(1);
    await expect(row).toBeInViewport();
    // Only the headers table scrolls to the row; the window and the app shell stay put.
    expect(await page.evaluate(() => document.querySelector('.app')!.getBoundingClientRect().top)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/explain-header-evidence.png` });
  });

  test('a body evidence chip opens Body with the text highlighted, pretty and raw', async ({ page, target }) => {
    await send(page, `${target.base}/cloudflare/blocked`);
    const response = page.getByRole('region', { name: 'Response' });
    await response.getByRole('tab', { name: /Headers/ }).click();
    await card(page).getByRole('button', { name: /Show evidence Body: Error 1020/ }).click();
    await expect(response.getByRole('tab', { name: 'Body' })).toHaveAttribute('aria-selected', 'true');
    const mark = response.getByTestId('code-viewer').locator('.code-highlight');
    await expect(mark.first()).toBeVisible();
    await expect(mark.first()).toContainText('1020');
    await page.screenshot({ path: `${SHOTS}/explain-body-evidence.png` });
    await response.getByRole('button', { name: 'Raw' }).click();
    await expect(response.getByTestId('body-highlight')).toHaveText('Error 1020');
    await expect(response.getByTestId('body-highlight')).toBeInViewport();
  });

  test('JSON body evidence is found in the pretty-printed body too', async ({ page, target }) => {
    await send(page, `${target.base}/aws/forbidden`);
    await card(page).getByRole('button', { name: /Show evidence Body/ }).click();
    const mark = page.getByRole('region', { name: 'Response' }).getByTestId('code-viewer').locator('.code-highlight');
    await expect(mark.first()).toBeVisible();
    // Monaco splits the decoration per token: the marked spans together read as the pretty JSON.
    await expect.poll(async () => (await mark.allTextContents()).join('').replace(/\s+/g, '')).toBe('{"message":"Forbidden"}');
  });

  test('Troubleshoot opens the side panel: the explanation, the diagnosis running, the checklist', async ({ page, target }) => {
    await send(page, `${target.base}/nginx/forbidden`);
    await card(page).getByRole('button', { name: 'Troubleshoot', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Troubleshoot' });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('region', { name: 'Diagnosis' })).toBeVisible();
    await expect(panel.getByRole('list', { name: 'Checklist' }).getByRole('listitem')).toHaveCount(4);
    // the other plausible causes: nginx serves one page for several, so each says what it means instead of repeating the reason
    const others = panel.getByRole('region', { name: 'Other plausible causes' });
    await expect(others).toContainText('Directory listing or file permissions');
    await expect(others).toContainText('The web server refuses a directory listing or cannot read the file.');
    await expect(others).not.toContainText('nginx serves the same 403 page');
    await page.screenshot({ path: `${SHOTS}/explain-troubleshoot.png`, animations: 'disabled' });
    await panel.getByRole('button', { name: 'Close troubleshooting' }).click();
    await expect(panel).toHaveCount(0);
    await card(page).getByRole('button', { name: 'Troubleshoot', exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Troubleshoot' })).toHaveCount(0);
  });

  test('Copy report puts a Markdown summary on the clipboard', async ({ page, context, serve, target }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.origin });
    await send(page, `${target.base}/aws/forbidden?api_key=secret-in-query`);
    await card(page).getByRole('button', { name: 'Copy report' }).click();
    await expect(card(page).getByRole('status')).toContainText('Report copied');
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md).toMatch(/^# 403 Forbidden — Refused by Amazon API Gateway \(gateway\) — missing credentials/);
    expect(md).toContain('- **Producer:** Amazon API Gateway (gateway)');
    expect(md).toContain('- **Cause:** Missing credentials (`missing-credentials`)');
    expect(md).toContain('## Evidence');
    expect(md).toContain('- Header `x-amzn-errortype: ForbiddenException`');
    expect(md).toContain('## Fix');
    expect(md).toMatch(/## Checklist\n\n1\. \[ \] \*\*Verify permissions and authentication:\*\*/);
    expect(md).toContain('/aws/forbidden`');
    expect(md).not.toContain('secret-in-query');
  });
});
