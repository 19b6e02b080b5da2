// A benchmark module run in headless Chromium: bundled for browsers (esbuild, minified
// production builds, as `npm run size` measures them), served on 127.0.0.1 and opened in fresh
// pages. Used by `npm run bench` (packages/core/bench/run.ts) to measure the client where a
// host runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { CHROME_ARGS, chromeMissingReason, ensureChrome } from './chrome.mjs';
import { rootDir } from './paths.mjs';
import { BUILD_OPTIONS } from './size.mjs';
import { serveStatic } from '../storybook/static-server.mjs';

/**
 * Bundles `entry` (a module that puts its API on `globalThis[global]`) and starts headless
 * Chromium with the garbage collector exposed and exact heap figures. Resolves to
 * `{ version, page(), close() }`, or to `{ missing }` (why there is no Chromium, one line) when
 * none is found or can be installed. `page()` opens the module in a fresh page (its own
 * browser context): `{ call(method, ...args), close() }`.
 */
export async function openBenchPages(entry, global) {
  const executablePath = ensureChrome();
  if (!executablePath) return { missing: chromeMissingReason() };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-page-'));
  const cleanUp = [() => fs.rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const step of cleanUp.reverse()) await step();
  };
  try {
    // As `npm run size` measures the packages and `npm run bench:ui` builds its page.
    await esbuild.build({
      ...BUILD_OPTIONS,
      entryPoints: [entry],
      tsconfig: path.join(rootDir, 'tsconfig.base.json'),
      outfile: path.join(dir, 'page.js'),
      write: true,
      metafile: false,
      logLevel: 'error',
    });
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./page.js"></script>',
    );
    const server = await serveStatic(dir);
    cleanUp.push(() => server.close());
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        ...CHROME_ARGS.filter((arg) => !arg.startsWith('--headless')),
        '--enable-precise-memory-info',
      ],
    });
    cleanUp.push(() => browser.close());
    return {
      version: browser.version(),
      async page() {
        const context = await browser.newContext();
        const page = await context.newPage();
        page.setDefaultTimeout(600_000);
        const errors = [];
        page.on('pageerror', (error) => errors.push(error));
        await page.goto(server.url);
        await page.waitForFunction((name) => name in globalThis, global);
        return {
          async call(method, ...args) {
            const result = await page.evaluate(
              ([name, method, args]) => globalThis[name][method](...args),
              [global, method, args],
            );
            if (errors.length) throw errors[0];
            return result;
          },
          close: () => context.close(),
        };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
