#!/usr/bin/env node
// resources/icon.svg → resources/icons/{512x512,256x256}.png with headless Chromium (Playwright),
// transparent outside the tile. electron-builder derives the macOS .icns and Windows .ico from them.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync('resources/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const size of [512, 256]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`);
    await page.locator('svg').screenshot({ path: `resources/icons/${size}x${size}.png`, omitBackground: true });
    await page.close();
    console.log(`resources/icons/${size}x${size}.png`);
  }
} finally {
  await browser.close();
}
