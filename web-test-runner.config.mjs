// @web/test-runner config for the browser test suites (run by `npm test` via scripts/test.mjs,
// or directly: `npx wtr --config web-test-runner.config.mjs`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChrome, CHROME_ARGS } from './scripts/lib/chrome.mjs';
import { EXPORT_CONDITIONS } from './scripts/lib/conditions.mjs';
import { minifyTemplates, TEMPLATE_SOURCES } from './scripts/lib/minify-templates.mjs';
import { wtrSummaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { interopPlugin } from './test/browser/support/interop-plugin.mjs';

const rootDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * The `cdp` command: browser tests send a Chrome DevTools protocol request to their own page
 * (`executeServerCommand('cdp', { method, params })`) and get its result, e.g.
 * `Accessibility.getFullAXTree` to read the names a screen reader is given, or
 * `Emulation.setEmulatedMedia` to turn `forced-colors: active` on. One protocol session per
 * test page, opened on first use.
 */
function cdpPlugin() {
  const sessions = new Map();
  return {
    name: 'cdp-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cdp') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(
          `the cdp command needs Chromium through puppeteer, not ${session.browser.type}`,
        );
      }
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
        page.once('close', () => sessions.delete(page));
      }
      return cdp.send(payload.method, payload.params ?? {});
    },
  };
}

/**
 * The modules of @live-chat/elements are served with their Lit templates minified, as the
 * library build ships them: the suite tests the markup and styles hosts get. Tests and stories
 * are served as written.
 */
function shippedTemplatesPlugin() {
  return {
    name: 'shipped-templates',
    async transform(context) {
      const file = path.join(rootDir, context.path);
      if (!TEMPLATE_SOURCES.test(file) || /\.(test|stories)\.ts$/.test(file)) return undefined;
      const result = await minifyTemplates(context.body, file);
      return result ? { body: result.code } : undefined;
    },
  };
}

/**
 * Browser test files, relative to the repository root. Extend this list to add suites
 * (scripts/test.mjs reads it too, to skip the browser run when nothing matches).
 */
export const browserTestGlobs = ['packages/elements/src/**/*.test.ts', 'test/browser/**/*.test.ts'];

const ci = Boolean(process.env.CI) || !process.stdout.isTTY;

export default {
  rootDir,
  files: browserTestGlobs,
  nodeResolve: { exportConditions: EXPORT_CONDITIONS, extensions: ['.ts', '.mjs', '.js', '.json'] },
  plugins: [
    // React (CommonJS) and Vue (browser build) for test/browser/interop-*.test.ts.
    interopPlugin(),
    // Chrome DevTools protocol requests from the tests (accessibility tree, emulated media).
    cdpPlugin(),
    // Before esbuild: it minifies the templates in the TypeScript source.
    shippedTemplatesPlugin(),
    // tsconfig.base.json holds experimentalDecorators/useDefineForClassFields directly
    // (esbuild does not follow `extends` here), so Lit's legacy decorators compile as in tsc.
    esbuildPlugin({ ts: true, tsconfig: path.join(rootDir, 'tsconfig.base.json') }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: CHROME_ARGS,
      },
    }),
  ],
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 10_000 } },
  staticLogging: ci,
  // Lit's dev build (the 'development' condition) announces itself in every test file.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  reporters: [
    defaultReporter(),
    wtrSummaryReporter({
      outputFile: process.env.LIVE_CHAT_WTR_SUMMARY ?? path.join(rootDir, '.wtr-summary.json'),
    }),
  ],
};
