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
//   node scripts/storybook-smoke.mjs --verbose        time spent per story (load, render, axe)
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
  const options = { build: true, filter: [], concurrency: 2, summaryJson: process.env.LIVE_CHAT_STORIES_SUMMARY };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--no-build') options.build = false;
    else if (flag === '--build') options.build = true;
    else if (flag === '--verbose') options.verbose = true;
    else if (flag === '--filter') options.filter.push(...String(value()).split(',').filter(Boolean));
    else if (flag === '--concurrency') options.concurrency = Math.max(1, Number(value()) || 1);
    else if (flag === '--summary-json') options.summaryJson = value();
    else if (flag === '--help' || flag === '-h') {
      console.log(fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 17).join('\n'));
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
  return filter.length === 0 ? stories : stories.filter((s) => filter.some((f) => s.id.includes(f)));
}

/** Readable lines for axe violations: rule, impact, help, up to three offending nodes. */
function describeViolations(violations) {
  const lines = [];
  for (const violation of violations) {
    lines.push(`axe ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.helpUrl}`);
    for (const node of violation.nodes.slice(0, 3)) {
      const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' , ');
      const summary = (node.failureSummary ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
      lines.push(`    at ${target}${summary.length > 1 ? `: ${summary.slice(1).join(' ')}` : ''}`);
    }
    if (violation.nodes.length > 3) lines.push(`    … and ${violation.nodes.length - 3} more node(s)`);
  }
  return lines;
}

/**
 * In the page: waits until Storybook has rendered the story (or failed to), then until every
 * Lit element in the story — through open shadow roots — has finished updating, twice in a
 * row across an animation frame.
 */
async function waitForStory(page) {
  await page.waitForFunction(
    () => {
      const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      if (phase === 'errored' || phase === 'aborted') return true;
      if (phase === 'completed' || phase === 'finished' || phase === 'played') return true;
      const classes = document.body.classList;
      return classes.contains('sb-show-errordisplay') || (classes.contains('sb-show-main') && phase === undefined);
    },
    undefined,
    { timeout: STORY_TIMEOUT_MS, polling: 50 },
  );
  const state = await page.evaluate(async (settleTimeout) => {
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
      const pending = elements.filter((el) => el.isUpdatePending);
      await Promise.race([
        Promise.all(elements.map((el) => el.updateComplete)),
        new Promise((resolve) => setTimeout(resolve, 500)),
      ]);
      await frame();
      quiet = pending.length === 0 && !litElements().some((el) => el.isUpdatePending) ? quiet + 1 : 0;
    }
    const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
    const errorShown = document.body.classList.contains('sb-show-errordisplay');
    return {
      phase,
      errorShown,
      errorText: errorShown ? (document.querySelector('#error-message')?.textContent ?? '').trim() : '',
    };
  }, SETTLE_TIMEOUT_MS);
  return state;
}

async function runAxe(page, axePath) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const result = await window.axe.run('#storybook-root', {
      resultTypes: ['violations'],
      // Storybook's own wrapper markup is not ours to judge; the story content is.
      rules: { region: { enabled: false } },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** One test: open the story, collect errors, run axe. Returns a list of problems (empty = pass). */
async function testStory(context, baseUrl, story, axePath) {
  const page = await context.newPage();
  const problems = [];
  const timing = [];
  let mark = Date.now();
  const lap = (name) => {
    const now = Date.now();
    timing.push(`${name} ${now - mark}`);
    mark = now;
  };
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message ?? error}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const location = message.location();
      const where = location?.url ? ` (${location.url.replace(baseUrl, '')}:${location.lineNumber})` : '';
      problems.push(`console.error: ${message.text()}${where}`);
    }
  });
  page.on('requestfailed', (request) => {
    problems.push(`request failed: ${request.url().replace(baseUrl, '')} ${request.failure()?.errorText ?? ''}`);
  });
  try {
    // The a11y addon would run axe itself after every story; this test runs axe once, below.
    const url = `${baseUrl}iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=a11y.manual:!true`;
    await page.goto(url, { waitUntil: 'load', timeout: STORY_TIMEOUT_MS });
    lap('load');
    const state = await waitForStory(page);
    lap('render');
    if (state.errorShown || state.phase === 'errored') {
      problems.push(`story failed to render${state.errorText ? `: ${state.errorText}` : ''}`);
    }
    if (problems.length === 0) {
      const violations = await runAxe(page, axePath);
      problems.push(...describeViolations(violations));
      lap('axe');
    }
  } catch (error) {
    problems.push(`${error?.name ?? 'Error'}: ${String(error?.message ?? error).split('\n')[0]}`);
  } finally {
    await page.close().catch(() => {});
  }
  return { problems, timing: timing.join(', ') };
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
  const args = CHROME_ARGS.filter((arg) => arg !== '--headless=new' && (isRoot || arg !== '--no-sandbox'));
  const browser = await chromium.launch({ executablePath, headless: true, args });
  const results = { passed: 0, failed: 0 };
  const started = Date.now();
  console.log(`[stories] ${stories.length} stories, ${options.concurrency} at a time, in ${executablePath}`);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    let next = 0;
    const worker = async () => {
      while (next < stories.length) {
        const story = stories[next++];
        const storyStarted = Date.now();
        const { problems, timing } = await testStory(context, server.url, story, axePath);
        const ms = Date.now() - storyStarted;
        const detail = options.verbose ? `${ms} ms: ${timing}` : `${ms} ms`;
        const name = `${story.title} › ${story.name} [${story.id}]`;
        if (problems.length === 0) {
          results.passed++;
          console.log(`  ✓ ${name} (${detail})`);
        } else {
          results.failed++;
          console.log(`  ✗ ${name} (${detail})`);
          for (const problem of problems) console.log(`      ${problem.split('\n').join('\n      ')}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, stories.length) }, worker));
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
