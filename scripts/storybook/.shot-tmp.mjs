import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
const server = await serveStatic('/work/main/storybook-static');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const ids = process.argv.slice(2);
for (const id of ids) {
  const page = await ctx.newPage();
  const [base, mode] = id.split('@');
  await page.goto(server.url + 'iframe.html?id=' + base + '&viewMode=' + (mode || 'story') + '&globals=a11y.manual:!true');
  if (mode === 'docs') await page.waitForTimeout(6000);
  else await page.waitForFunction(() => ['finished','errored'].includes(window.__STORYBOOK_PREVIEW__?.currentRender?.phase), null, { timeout: 60000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/shot-' + base + '.png', fullPage: mode === 'docs' });
  await page.close();
}
await browser.close(); await server.close();
