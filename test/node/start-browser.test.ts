// `npm start` in a real browser: two operators in two browser contexts (separate storage, one
// WebSocket each) share the live queue of the server the start script runs; side-by-side mode
// holds two operators on one page; the customer page writes in as a web visitor.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
// @ts-expect-error: a plain ES module script, without type declarations.
import { CHROME_ARGS, findChrome } from '../../scripts/lib/chrome.mjs';
import { startScript, type StartedScript } from './start-script.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-chat-start-browser-'));
let script: StartedScript | undefined;
let browser: Browser | undefined;

after(async () => {
  await browser?.close();
  await script?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Fails the test on the page's uncaught errors and console errors. */
function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
}

describe('npm start in Chromium', { timeout: 120_000 }, () => {
  const executablePath = process.env.CHROME_PATH || findChrome();

  it(
    'two operators in two browser contexts share the queue live',
    { skip: executablePath ? false : 'no Chromium (set CHROME_PATH)' },
    async () => {
      script = await startScript({ dataDir });
      await fetch(script.apiUrl('simulator'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ running: false }),
      });
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
      const errors: string[] = [];

      // Two contexts: separate localStorage and IndexedDB, like two people's browsers.
      const annaPage = await (await browser.newContext()).newPage();
      const benPage = await (await browser.newContext()).newPage();
      watchErrors(annaPage, errors);
      watchErrors(benPage, errors);
      await annaPage.goto(script.pageUrl);
      await benPage.goto(script.pageUrl);
      await benPage.getByLabel('Signed in as').selectOption('operatorB');
      await annaPage.locator('#controls .mode').getByText(script.wsUrl).waitFor();

      // A person writes in on the customer page.
      const customerPage = await (await browser.newContext()).newPage();
      watchErrors(customerPage, errors);
      await customerPage.goto(new URL('customer.html', script.pageUrl).href);
      await customerPage.getByLabel('Your name').fill('Browser Visitor');
      await customerPage.getByLabel('Live chat').selectOption({ label: 'Customer Support' });
      await customerPage.getByLabel('Message').fill('Hi, my parcel never arrived');
      await customerPage.getByRole('button', { name: 'Send' }).click();
      await customerPage.locator('#conversation li.me').getByText('my parcel').waitFor();
      const visitorId = JSON.parse(
        (await customerPage.evaluate(() => localStorage.getItem('live-chat-demo.visitor'))) ?? '{}',
      ).id as string;
      const conversation = (await (
        await fetch(script.apiUrl(`customer/messages?visitorId=${visitorId}&liveChatId=lc-support`))
      ).json()) as { status: string };
      assert.equal(conversation.status, 'queued');

      // Both queues list the new session (rows carry the session id; locate by the name). The
      // list renders the rows near its view: the newest request is at the end of the queue, so
      // scroll there as an operator would.
      const row = (page: Page) =>
        page.locator('[role="option"][data-session-id]', { hasText: 'Browser Visitor' });
      const scrollQueueToEnd = (page: Page) =>
        page
          .locator('live-chat-session-list [role="listbox"]')
          .first()
          .evaluate((listbox) => listbox.scrollTo({ top: listbox.scrollHeight }));
      for (const page of [annaPage, benPage]) {
        const until = Date.now() + 20_000;
        while ((await row(page).count()) === 0) {
          assert.ok(Date.now() < until, 'the visitor in the queue');
          await scrollQueueToEnd(page);
          await page.waitForTimeout(100);
        }
      }

      // Ben takes it in his browser; it leaves Anna's queue in hers.
      await row(benPage).first().click();
      await benPage.getByRole('button', { name: 'Take', exact: true }).click();
      await row(annaPage).first().waitFor({ state: 'detached', timeout: 20_000 });

      // The operator's answer reaches the customer page.
      const composer = benPage.getByRole('textbox', { name: /message/i }).first();
      await composer.fill('Sorry to hear that, checking now');
      await composer.press('Enter');
      await customerPage
        .locator('#conversation li.operator')
        .getByText('checking now')
        .waitFor({ timeout: 20_000 });

      // Side by side: operators A and B on one page, one socket each.
      await annaPage.getByLabel('Side by side (A | B)').check();
      await annaPage.locator('live-chat-workspace').nth(1).waitFor();
      assert.equal(await annaPage.locator('live-chat-workspace').count(), 2);
      await annaPage
        .locator('live-chat-workspace')
        .nth(1)
        .locator('[role="option"][data-session-id]')
        .first()
        .waitFor({ timeout: 20_000 });

      assert.deepEqual(errors, []);
    },
  );
});
