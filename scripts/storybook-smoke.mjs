#!/usr/bin/env node
// Story smoke test: every story of the built Storybook opens in headless Chromium without a
// page error or console.error, and axe finds no accessibility violation in it. One test per
// story; the last line of the output is always
//   N passed, N failed
// and the exit code is non-zero when anything failed.
//
//   node scripts/storybook-smoke.mjs                 build Storybook, then test every story
//   node scripts/storybook-smoke.mjs --no-build      reuse storybook-static/ when it exists
//   node scripts/storybook-smoke.mjs --filter counter      only story ids containing "counter"
//   node scripts/storybook-smoke.mjs --concurrency 1       pages at once (default 2)
//   node scripts/storybook-smoke.mjs --summary-json f.json  also write {"passed","failed","skipped"}
//   node scripts/storybook-smoke.mjs --verbose        time spent per story (open, render, axe)
//   node scripts/storybook-smoke.mjs --fresh-page     a new page per story (default: one page per
//                                                     worker, switching stories inside it; 4× faster)
//
// Chromium: CHROME_PATH, else a system Chromium/Chrome (Debian: apt-get install chromium).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CHROME_ARGS, ensureChrome } from './lib/chrome.mjs';
import { rootDir } from './lib/paths.mjs';
import { serveStatic } from './storybook/static-server.mjs';

const require = createRequire(import.meta.url);
const STATIC_DIR = path.join(rootDir, 'storybook-static');
/** Longest wait for one story to render and settle. */
const STORY_TIMEOUT_MS = 30_000;
/** How long the components get to settle after Storybook reports the story rendered. */
const SETTLE_TIMEOUT_MS = 5_000;

function parseArgs(argv) {
  const options = {
    build: true,
    filter: [],
    concurrency: 2,
    mode: 'reuse',
    verbose: false,
    summaryJson: process.env.LIVE_CHAT_STORIES_SUMMARY,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--no-build') options.build = false;
    else if (flag === '--build') options.build = true;
    else if (flag === '--verbose') options.verbose = true;
    else if (flag === '--reuse-page') options.mode = 'reuse';
    else if (flag === '--fresh-page') options.mode = 'fresh';
    else if (flag === '--filter')
      options.filter.push(...String(value()).split(',').filter(Boolean));
    else if (flag === '--concurrency') options.concurrency = Math.max(1, Number(value()) || 1);
    else if (flag === '--summary-json') options.summaryJson = value();
    else if (flag === '--help' || flag === '-h') {
      console.log(
        fs
          .readFileSync(new URL(import.meta.url), 'utf8')
          .split('\n')
          .slice(1, 17)
          .join('\n'),
      );
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]} (see --help)`);
  }
  return options;
}

function buildStorybook() {
  console.log('[stories] building Storybook (npm run build-storybook)…');
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build-storybook', '--', '--quiet'], {
    cwd: rootDir,
    encoding: 'utf8',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stdout.write(result.stderr ?? '');
    throw new Error(`build-storybook failed (exit code ${result.status ?? result.signal})`);
  }
  console.log(`[stories] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Story entries of index.json (docs pages are not stories), optionally filtered by id. */
function readStories(filter) {
  const index = JSON.parse(fs.readFileSync(path.join(STATIC_DIR, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  return filter.length === 0
    ? stories
    : stories.filter((s) => filter.some((f) => s.id.includes(f)));
}

/** Readable lines for axe violations: rule, impact, help, up to three offending nodes. */
function describeViolations(violations) {
  const lines = [];
  for (const violation of violations) {
    lines.push(
      `axe ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.helpUrl}`,
    );
    for (const node of violation.nodes.slice(0, 3)) {
      const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' , ');
      const summary = (node.failureSummary ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      lines.push(`    at ${target}${summary.length > 1 ? `: ${summary.slice(1).join(' ')}` : ''}`);
    }
    if (violation.nodes.length > 3)
      lines.push(`    … and ${violation.nodes.length - 3} more node(s)`);
  }
  return lines;
}

/**
 * In the page: waits until Storybook has rendered this story (or failed to), then until every
 * Lit element in the story — through open shadow roots — has finished updating, twice in a
 * row across an animation frame.
 */
async function waitForStory(page, storyId) {
  await page.waitForFunction(
    (id) => {
      const render = window.__STORYBOOK_PREVIEW__?.currentRender;
      if (document.body.classList.contains('sb-show-errordisplay')) return true;
      if (!render || (render.id !== undefined && render.id !== id)) return false;
      return ['completed', 'afterEach', 'finished', 'errored', 'aborted'].includes(render.phase);
    },
    storyId,
    { timeout: STORY_TIMEOUT_MS, polling: 50 },
  );
  return page.evaluate(async (settleTimeout) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const litElements = () => {
      const found = [];
      const walk = (root) => {
        for (const element of root.querySelectorAll('*')) {
          if ('updateComplete' in element) found.push(element);
          if (element.shadowRoot) walk(element.shadowRoot);
        }
      };
      walk(document.getElementById('storybook-root') ?? document.body);
      return found;
    };
    const deadline = Date.now() + settleTimeout;
    let quiet = 0;
    while (Date.now() < deadline && quiet < 2) {
      const elements = litElements();
      await Promise.race([
        Promise.all(elements.map((el) => el.updateComplete)),
        new Promise((resolve) => setTimeout(resolve, 500)),
      ]);
      await frame();
      quiet = litElements().some((el) => el.isUpdatePending) ? 0 : quiet + 1;
    }
    const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
    const errorShown = document.body.classList.contains('sb-show-errordisplay');
    const message = document.querySelector('#error-message')?.textContent ?? '';
    const stack = document.querySelector('#error-stack')?.textContent ?? '';
    return {
      phase,
      errorShown,
      errorText: errorShown ? `${message.trim()} ${stack.trim().split('\n')[0] ?? ''}`.trim() : '',
    };
  }, SETTLE_TIMEOUT_MS);
}

/**
 * Runs axe on the story. Honours the story's `parameters.a11y` the way the a11y addon does
 * (`config` for `axe.configure`, `options` for `axe.run`, `test: 'off'` skips), so the panel
 * and this test agree; the element checked is `#storybook-root`.
 */
async function runAxe(page, axePath) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: axePath });
  }
  return page.evaluate(async () => {
    const a11y = window.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.a11y ?? {};
    if (a11y.test === 'off' || a11y.disable === true) return { skipped: true, violations: [] };
    // Reset what a previous story configured, then apply this story's configuration.
    window.axe.reset();
    if (a11y.config) window.axe.configure(a11y.config);
    const result = await window.axe.run('#storybook-root', {
      ...a11y.options,
      resultTypes: ['violations'],
    });
    return {
      skipped: false,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      })),
    };
  });
}

/**
 * One browser page that stories are opened in, collecting page errors, console errors, failed
 * requests and dialogs (an `alert()` from customer text would be a script injection) for the
 * story being tested.
 *
 * `reuse` (default): the page loads `iframe.html?id=…&viewMode=story` for the first story, then
 * switches stories the way Storybook's own manager and test runner do (`setCurrentStory` on the
 * preview channel). That saves loading and compiling the 1 MB preview bundle and axe for every
 * story (about 4× faster on two cores); after a failed story the page is replaced, so a broken
 * story cannot affect the next one.
 * `fresh` (`--fresh-page`): every story gets a new page loading its own iframe.html URL.
 */
class StoryPage {
  constructor(context, baseUrl, mode) {
    this.context = context;
    this.baseUrl = baseUrl;
    this.mode = mode;
    this.page = undefined;
    this.problems = [];
  }

  async newPage() {
    const page = await this.context.newPage();
    const baseUrl = this.baseUrl;
    page.on('pageerror', (error) =>
      this.problems.push(`page error: ${error.stack ?? error.message ?? error}`),
    );
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const location = message.location();
      const where = location?.url
        ? ` (${location.url.replace(baseUrl, '')}:${location.lineNumber})`
        : '';
      this.problems.push(`console.error: ${message.text()}${where}`);
    });
    page.on('requestfailed', (request) => {
      this.problems.push(
        `request failed: ${request.url().replace(baseUrl, '')} ${request.failure()?.errorText ?? ''}`,
      );
    });
    page.on('dialog', (dialog) => {
      this.problems.push(`a ${dialog.type()} dialog opened: ${JSON.stringify(dialog.message())}`);
      dialog.dismiss().catch(() => {});
    });
    return page;
  }

  /** Opens the story: a fresh load, or a switch inside the already loaded preview. */
  async open(storyId) {
    // The a11y addon would run axe itself after every story; this test runs axe once, below.
    const url = `${this.baseUrl}iframe.html?id=${encodeURIComponent(storyId)}&viewMode=story&globals=a11y.manual:!true`;
    if (this.mode === 'reuse' && this.page) {
      await this.page.evaluate((id) => {
        window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', {
          storyId: id,
          viewMode: 'story',
        });
      }, storyId);
      return;
    }
    await this.discard();
    this.page = await this.newPage();
    await this.page.goto(url, { waitUntil: 'load', timeout: STORY_TIMEOUT_MS });
  }

  async discard() {
    const page = this.page;
    this.page = undefined;
    await page?.close().catch(() => {});
  }

  /** One test: open the story, collect errors, run axe. Returns the problems (empty = pass). */
  async test(story, axePath) {
    this.problems = [];
    const problems = this.problems;
    const timing = [];
    let mark = Date.now();
    const lap = (name) => {
      const now = Date.now();
      timing.push(`${name} ${now - mark}`);
      mark = now;
    };
    try {
      await this.open(story.id);
      lap('open');
      const state = await waitForStory(this.page, story.id);
      lap('render');
      if (state.errorShown || state.phase === 'errored') {
        problems.push(`story failed to render${state.errorText ? `: ${state.errorText}` : ''}`);
      }
      // Story texts from customers carry markup that sets this flag if it ever runs as script.
      if (await this.page.evaluate(() => 'storyXss' in window || '__storyXss' in window)) {
        problems.push('customer markup ran as script (window.__storyXss was set)');
      }
      if (problems.length === 0) {
        const { skipped, violations } = await runAxe(this.page, axePath);
        problems.push(...describeViolations(violations));
        lap(skipped ? 'axe off (parameters.a11y.test)' : 'axe');
      }
    } catch (error) {
      problems.push(`${error?.name ?? 'Error'}: ${String(error?.message ?? error).split('\n')[0]}`);
    }
    // Later errors belong to no story; a failed story does not leave its page to the next one.
    this.problems = [];
    if (this.mode === 'fresh' || problems.length > 0) await this.discard();
    return { problems, timing: timing.join(', ') };
  }
}

async function main(options) {
  const indexFile = path.join(STATIC_DIR, 'index.json');
  if (options.build || !fs.existsSync(indexFile)) {
    if (!options.build) console.log('[stories] storybook-static/index.json not found: building');
    buildStorybook();
  } else {
    console.log('[stories] --no-build: using the existing storybook-static/');
  }
  const stories = readStories(options.filter);
  if (stories.length === 0) throw new Error('no stories found in storybook-static/index.json');

  const executablePath = ensureChrome();
  if (!executablePath) {
    throw new Error(
      'no Chromium found: install it (Debian: apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium executable',
    );
  }
  const { chromium } = await import('playwright-core');
  const axePath = require.resolve('axe-core/axe.min.js');
  const server = await serveStatic(STATIC_DIR);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const args = CHROME_ARGS.filter(
    (arg) => arg !== '--headless=new' && (isRoot || arg !== '--no-sandbox'),
  );
  const browser = await chromium.launch({ executablePath, headless: true, args });
  const results = { passed: 0, failed: 0 };
  const started = Date.now();
  console.log(
    `[stories] ${stories.length} stories, ${options.concurrency} at a time, ${options.mode === 'reuse' ? 'switching stories in one page per worker' : 'one page per story'}, in ${executablePath}`,
  );
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    let next = 0;
    const worker = async () => {
      const storyPage = new StoryPage(context, server.url, options.mode);
      while (next < stories.length) {
        const story = stories[next++];
        const storyStarted = Date.now();
        const { problems, timing } = await storyPage.test(story, axePath);
        const ms = Date.now() - storyStarted;
        const detail = options.verbose ? `${ms} ms: ${timing}` : `${ms} ms`;
        const name = `${story.title} › ${story.name} [${story.id}]`;
        if (problems.length === 0) {
          results.passed++;
          console.log(`  ✓ ${name} (${detail})`);
        } else {
          results.failed++;
          console.log(`  ✗ ${name} (${detail})`);
          for (const problem of problems)
            console.log(`      ${problem.split('\n').join('\n      ')}`);
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency, stories.length) }, worker),
    );
    await Promise.all(context.pages().map((page) => page.close().catch(() => {})));
    await context.close();
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  console.log(`[stories] tested in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return results;
}

let results;
let options;
try {
  options = parseArgs(process.argv.slice(2));
  results = await main(options);
} catch (error) {
  console.log(`[stories] ${error?.stack ?? error}`);
  results = { passed: 0, failed: 1 };
}
if (options?.summaryJson) {
  fs.writeFileSync(options.summaryJson, JSON.stringify({ ...results, skipped: 0 }));
}
process.stdout.write(`${results.passed} passed, ${results.failed} failed\n`);
process.exitCode = results.failed > 0 ? 1 : 0;
