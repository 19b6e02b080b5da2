/// <reference types="node" />
// docs/embedding-vue.md, the single-file-component route: the guide's Vite app
// (docs/examples/vue/sfc: index.html, main.ts, App.vue, use-live-chat-client.ts,
// WorkspacePanel.vue and vite.config.ts, as quoted) built for production with `vite build`,
// then opened in headless Chromium. The workspace must render (a production build uses Vue's
// runtime-only build: a template left to compile in the browser would render nothing), open a
// session from its queue and report it to the app, with no error on the page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, defaultClientConditions, mergeConfig, type InlineConfig } from 'vite';
// @ts-expect-error: a plain ES module script, without type declarations.
import { CHROME_ARGS, findChrome } from '../../scripts/lib/chrome.mjs';
// @ts-expect-error: a plain ES module script, without type declarations.
import { serveStatic } from '../../scripts/storybook/static-server.mjs';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = path.join(rootDir, 'docs', 'examples', 'vue', 'sfc');

/**
 * What the test adds to the guide's vite.config.ts, only because it builds the workspace
 * packages from their TypeScript sources instead of installed `dist/` files: the source
 * condition, and Lit's legacy decorators (as .storybook/main.ts does).
 */
const fromSources: InlineConfig = {
  resolve: { conditions: ['@live-chat/source', ...defaultClientConditions, 'es2015'] },
  oxc: {
    decorator: { legacy: true },
    assumptions: { setPublicClassFields: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
  },
};

test('the Vue SFC app of the guide works as a production build', { timeout: 300_000 }, async () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-chat-vue-sfc-'));
  try {
    await build(
      mergeConfig(fromSources, {
        root: example,
        configFile: path.join(example, 'vite.config.ts'),
        mode: 'production',
        logLevel: 'error',
        base: './',
        build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
      } satisfies InlineConfig),
    );
    const assets = fs.readdirSync(path.join(outDir, 'assets'));
    assert.ok(
      assets.some((file) => file.endsWith('.js')),
      'vite wrote the app',
    );
    assert.ok(
      assets.some((file) => file.endsWith('.css')),
      'the SFC styles (the sizing) are built',
    );

    const executablePath = findChrome();
    assert.ok(executablePath, 'Chromium is installed (or CHROME_PATH is set)');
    const { chromium } = await import('playwright-core');
    const server = await serveStatic(outDir);
    const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
    const errors: string[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          errors.push(`console.${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      await page.goto(server.url, { waitUntil: 'load' });
      await page
        .getByText('Customer Support')
        .first()
        .waitFor({ timeout: 30_000 })
        .catch((error: Error) => {
          throw new Error(`${error.message}\npage errors:\n${errors.join('\n')}`);
        });
      const height = await page.evaluate(
        () => document.querySelector('live-chat-workspace')?.getBoundingClientRect().height ?? 0,
      );
      assert.ok(height > 600, `the workspace fills the window below the status line (${height}px)`);
      const row = page.locator('[role="option"][data-session-id]').first();
      await row.waitFor({ timeout: 30_000 });
      const sessionId = await row.getAttribute('data-session-id');
      assert.ok(sessionId, 'a queue row carries its session id');
      await row.click();
      await page.getByText(`Open session: ${sessionId}`).waitFor({ timeout: 30_000 });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
});
