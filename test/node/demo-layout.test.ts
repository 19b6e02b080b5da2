// The demo page (`npm start -- --in-page`) measured in Chromium at the two sizes the workspace is
// made for, with the scroll bars a desktop draws:
// - 1280 × 800, one workspace or two side by side: "Reassign to" shows its longest choice whole
//   and lies within its pane and the window; each half shows who is signed in, whole.
// - 390 × 844 (a phone): the page does not scroll and the workspace fills the rest of it exactly,
//   in the queue, in a session with the composer, in the Activity stream, and with the demo's
//   settings open; what each state is for is on the screen.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
// @ts-expect-error: a plain ES module script, without type declarations.
import { CHROME_ARGS, findChrome } from '../../scripts/lib/chrome.mjs';
import { startScript, type StartedScript } from './start-script.js';

const executablePath: string | undefined = process.env.CHROME_PATH || findChrome();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-chat-demo-layout-'));
let script: StartedScript | undefined;
let browser: Browser | undefined;
/** Uncaught errors of the pages of the current test. */
const pageErrors: string[] = [];

before(async () => {
  if (!executablePath) return;
  script = await startScript({ dataDir, args: ['--in-page'] });
  const { chromium } = await import('playwright-core');
  // Headless Chromium hides scroll bars unless told not to: show them, as a desktop does.
  browser = await chromium.launch({
    executablePath,
    args: CHROME_ARGS,
    headless: true,
    ignoreDefaultArgs: ['--hide-scrollbars'],
  });
});

afterEach(() => assert.deepEqual(pageErrors.splice(0), [], 'errors on the page'));

after(async () => {
  await browser?.close();
  await script?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A rectangle on the page, in CSS pixels. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Sub-pixel slack: edges are laid out in fractions of a pixel. */
const SLACK = 0.5;

/** Fails unless `inner` lies wholly within `outer`. */
function assertWithin(inner: Box, outer: Box, what: string): void {
  const out = {
    left: outer.x - inner.x,
    top: outer.y - inner.y,
    right: inner.x + inner.width - (outer.x + outer.width),
    bottom: inner.y + inner.height - (outer.y + outer.height),
  };
  const sides = Object.entries(out).filter(([, by]) => by > SLACK);
  assert.deepEqual(
    sides,
    [],
    `${what}: sticks out by ${JSON.stringify(Object.fromEntries(sides))}`,
  );
}

const boxOf = async (locator: Locator, what: string): Promise<Box> => {
  const box = await locator.boundingBox();
  assert.ok(box, `${what} is not shown`);
  return box;
};

/** The demo page at `width` × `height`, in English or Russian, one workspace or two, loaded. */
async function openDemo(
  width: number,
  height: number,
  options: { locale?: 'en' | 'ru'; sideBySide?: boolean } = {},
): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(
    (settings) => {
      for (const [key, value] of Object.entries(settings)) {
        localStorage.setItem(`live-chat-demo.${key}`, value);
      }
    },
    {
      locale: options.locale ?? 'en',
      sideBySide: String(options.sideBySide ?? false),
      simulator: 'paused',
      theme: 'light',
    },
  );
  await page.goto(script!.pageUrl);
  await page.locator('[role="option"][data-session-id]').first().waitFor({ timeout: 30_000 });
  return page;
}

/** Opens the first session of the queue in `workspace`, then its About pane if it is folded. */
async function openAbout(workspace: Locator): Promise<Locator> {
  await workspace.locator('[role="option"][data-session-id]').first().click();
  await workspace.locator('[part~="composer-input"]').waitFor();
  const select = workspace.locator('[part~="reassign-select"]');
  // The wide layout shows the About pane beside the conversation; the others fold it away.
  if ((await workspace.getAttribute('layout')) !== 'wide') {
    await workspace.locator('[part~="about-toggle"]').click();
  }
  await select.waitFor();
  return select;
}

/**
 * "Reassign to" lies within its form, its pane and the window, and is as wide as its longest
 * choice needs (its max-content width): no choice is cut off. Its label shows whole.
 */
async function assertReassignWhole(page: Page, workspace: Locator, what: string): Promise<void> {
  const select = await openAbout(workspace);
  const box = await boxOf(select, `${what}: “Reassign to”`);
  const viewport = page.viewportSize()!;
  assertWithin(box, { x: 0, y: 0, ...viewport }, `${what}: “Reassign to” in the window`);
  assertWithin(
    box,
    await boxOf(workspace.locator('[part~="aside"]'), 'the pane'),
    `${what}: in its pane`,
  );
  const form = workspace.locator('[part~="reassign"]');
  assertWithin(box, await boxOf(form, 'the form'), `${what}: in its form`);
  const needed = await select.evaluate((element) => {
    const saved = element.style.cssText;
    element.style.cssText = `${saved};flex:none;width:max-content;max-width:none;min-width:0`;
    const width = element.getBoundingClientRect().width;
    element.style.cssText = saved;
    return width;
  });
  assert.ok(
    needed <= box.width + SLACK,
    `${what}: its choices need ${needed}px, it has ${box.width}px`,
  );
  const label = form.locator('label[for="reassign-select"]');
  assert.ok(
    await label.evaluate((element) => element.scrollWidth <= element.clientWidth),
    `${what}: the label “Reassign to” is cut off`,
  );
}

/** The page does not scroll, either way. */
async function assertStill(page: Page): Promise<void> {
  const [width, height] = await page.evaluate(() => [
    document.scrollingElement!.scrollWidth,
    document.scrollingElement!.scrollHeight,
  ]);
  const viewport = page.viewportSize()!;
  assert.ok(width <= viewport.width, `the page scrolls sideways: ${width}px`);
  assert.ok(height <= viewport.height, `the page scrolls: ${height}px`);
}

/** The page does not scroll, and the workspace fills the box the page gives it exactly. */
async function assertFillsThePage(page: Page, what: string): Promise<void> {
  await assertStill(page);
  const facts = await page.evaluate(() => {
    const app = document.querySelector('#app')!;
    const workspace = app.querySelector('live-chat-workspace')!.getBoundingClientRect();
    const appBox = app.getBoundingClientRect();
    return {
      window: [0, innerWidth, innerHeight],
      app: [appBox.left, appBox.right, appBox.bottom],
      workspace: [workspace.left, workspace.right, workspace.bottom],
    };
  });
  assert.deepEqual(facts.app, facts.window, `${what}: the workspace’s box`);
  assert.deepEqual(facts.workspace, facts.app, `${what}: the workspace fills its box`);
}

/** Fails unless each of `locators` is shown wholly within the window. */
async function assertOnScreen(page: Page, what: string, locators: Locator[]): Promise<void> {
  const viewport = { x: 0, y: 0, ...page.viewportSize()! };
  for (const locator of locators) assertWithin(await boxOf(locator, what), viewport, what);
}

const skip = executablePath ? false : 'no Chromium (set CHROME_PATH)';

describe('the demo page at 1280 × 800', { timeout: 120_000, skip }, () => {
  for (const locale of ['en', 'ru'] as const) {
    it(`one workspace, in ${locale}: “Reassign to” whole, the page still`, async () => {
      const page = await openDemo(1280, 800, { locale });
      await assertReassignWhole(page, page.locator('live-chat-workspace'), 'the workspace');
      await assertStill(page);
      await page.context().close();
    });

    it(`side by side, in ${locale}: each half says who is signed in, “Reassign to” whole`, async () => {
      const page = await openDemo(1280, 800, { locale, sideBySide: true });
      const halves = page.locator('live-chat-workspace');
      assert.equal(await halves.count(), 2);
      for (const [i, name] of ['Anna Kowalski', 'Ben Okafor'].entries()) {
        const half = halves.nth(i);
        const label = half.locator('.title-label');
        assert.equal((await label.textContent())?.trim(), name);
        assertWithin(
          await boxOf(label, name),
          await boxOf(half.locator('[part~="header"]'), 'bar'),
          name,
        );
        assert.ok(
          await label.evaluate((element) => element.scrollWidth <= element.clientWidth),
          `the label “${name}” is cut off`,
        );
        await assertReassignWhole(page, half, name);
      }
      await assertStill(page);
      await page.context().close();
    });
  }
});

describe('the demo page at 390 × 844', { timeout: 120_000, skip }, () => {
  const states: Array<{ name: string; enter: (page: Page) => Promise<Locator[]> }> = [
    {
      name: 'the queue',
      enter: async (page) => [
        page.locator('[role="option"][data-session-id]').first(),
        page.locator('[part~="activity-button"]'),
      ],
    },
    {
      name: 'a session open, with the composer',
      enter: async (page) => {
        await page.locator('[role="option"][data-session-id]').first().click();
        await page.locator('[part~="composer-input"]').waitFor();
        return [page.locator('[part~="composer-input"]'), page.locator('[part~="send-button"]')];
      },
    },
    {
      name: 'the Activity stream',
      enter: async (page) => {
        await page.locator('[part~="activity-button"]').click();
        await page.locator('live-chat-activity [part~="entry"]').first().waitFor();
        return [page.locator('live-chat-activity [part~="entry"]').first()];
      },
    },
    {
      name: 'the demo’s settings open over the workspace',
      enter: async (page) => {
        await page.getByRole('button', { name: 'Demo settings' }).click();
        await page.getByLabel('Signed in as').waitFor();
        return [page.getByLabel('Signed in as'), page.getByLabel('Language')];
      },
    },
  ];

  it('the demo’s settings fold away behind their button; Escape folds them back', async () => {
    const page = await openDemo(390, 844);
    const toggle = page.getByRole('button', { name: 'Demo settings' });
    const user = page.getByLabel('Signed in as');
    assert.equal(await user.isVisible(), false);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await user.focus();
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await user.isVisible(), false);
    assert.ok(await toggle.evaluate((button) => button === document.activeElement));
    await page.context().close();
  });

  for (const state of states) {
    it(`${state.name}: the page does not scroll, the workspace fills the rest`, async () => {
      const page = await openDemo(390, 844);
      const onScreen = await state.enter(page);
      await assertFillsThePage(page, state.name);
      await assertOnScreen(page, state.name, onScreen);
      await page.context().close();
    });
  }
});
