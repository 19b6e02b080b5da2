#!/usr/bin/env node
// `npm test`: every test suite of the workspace, closing with exactly one line
//   N passed, N failed, N skipped
// summed over all suites; the exit code is non-zero when anything failed.
//
//   npm test                  node + browser suites
//   npm test -- node          only the node suite   (or TEST_SUITE=node npm test)
//   npm test -- browser       only the browser suite (or TEST_SUITE=browser npm test)
//   npm test -- stories       only the Storybook smoke test
//
// Suites:
// - node:    node's test runner (+ tsx) on NODE_TEST_GLOBS below;
// - browser: @web/test-runner in Chromium on `browserTestGlobs` of web-test-runner.config.mjs;
// - stories: scripts/storybook-smoke.mjs builds Storybook and opens every story in Chromium
//            (page errors, console.error and axe violations fail it).
// System packages come first: when any selected suite needs Chromium (all three do: the node
// suite's packaging test renders the packed workspace in it) or PostgreSQL (server tests of the
// node suite), missing ones are installed once, with apt-get as root on Debian; otherwise a line
// says what is missing and how to provide it (CHROME_PATH for a browser elsewhere).
// Only node builtins are imported statically: dependencies are installed first when missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureDeps } from './lib/ensure-deps.mjs';
import { chromeMissingReason, findChrome } from './lib/chrome.mjs';
import { expandGlobs } from './lib/glob.mjs';
import { rootDir } from './lib/paths.mjs';
import { ensureSystemPackages } from './lib/system-packages.mjs';

/** Node test files (relative to the repository root). Extend as needed. */
export const NODE_TEST_GLOBS = [
  'packages/core/src/**/*.test.ts',
  'packages/adapters/src/**/*.test.ts',
  'packages/server/src/**/*.test.ts',
  'scripts/**/*.test.mjs',
  'test/node/**/*.test.ts',
];

const SUITES = ['node', 'browser', 'stories'];

/** System packages each suite needs (see lib/system-packages.mjs). */
const SUITE_NEEDS = {
  node: { chromium: true, postgresql: true },
  browser: { chromium: true },
  stories: { chromium: true },
};

/** What the selected suites need between them. */
function systemNeeds(suites) {
  const needs = { chromium: false, postgresql: false };
  for (const suite of suites) {
    for (const [name, needed] of Object.entries(SUITE_NEEDS[suite] ?? {})) {
      if (needed) needs[name] = true;
    }
  }
  return needs;
}

function selectedSuites() {
  const args = process.argv.slice(2);
  const wanted = new Set();
  for (let i = 0; i < args.length; i++) {
    let arg = args[i];
    if (arg === '--suite' || arg === '--filter') arg = args[++i] ?? '';
    else if (/^--(suite|filter)=/.test(arg)) arg = arg.slice(arg.indexOf('=') + 1);
    for (const name of arg.split(',')) if (name) wanted.add(name.trim());
  }
  for (const name of (process.env.TEST_SUITE ?? '').split(',')) if (name) wanted.add(name.trim());
  const unknown = [...wanted].filter((name) => !SUITES.includes(name));
  if (unknown.length > 0) {
    throw new Error(`unknown test suite(s): ${unknown.join(', ')} (known: ${SUITES.join(', ')})`);
  }
  return wanted.size === 0 ? SUITES : SUITES.filter((name) => wanted.has(name));
}

function readCounts(file) {
  try {
    const { passed = 0, failed = 0, skipped = 0 } = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { passed, failed, skipped };
  } catch {
    return undefined;
  }
}

/** Counts from a reporter's JSON file, made consistent with the runner's exit status. */
function settle(suite, status, file) {
  let counts = readCounts(file);
  if (!counts) {
    counts = { passed: 0, failed: 0, skipped: 0 };
    if (status === 0) console.log(`[${suite}] warning: no summary was written by the reporter`);
  }
  if (status !== 0 && counts.failed === 0) {
    console.log(`[${suite}] runner exited with ${status} without a counted failure: 1 failed`);
    counts.failed = 1;
  }
  return counts;
}

function runNode(tmpDir) {
  const files = expandGlobs(NODE_TEST_GLOBS);
  if (files.length === 0) {
    console.log('[node] no test files found');
    return { passed: 0, failed: 0, skipped: 0 };
  }
  console.log(`[node] ${files.length} test file(s)`);
  const summary = path.join(tmpDir, 'node-summary.json');
  const result = spawnSync(
    process.execPath,
    [
      // Workspace packages resolve to their TypeScript sources (no build needed).
      '--conditions=@live-chat/source',
      '--import',
      'tsx',
      '--test',
      '--test-timeout=300000',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${pathToFileURL(path.join(rootDir, 'scripts/node-summary-reporter.mjs'))}`,
      `--test-reporter-destination=${summary}`,
      ...files,
    ],
    { cwd: rootDir, stdio: 'inherit' },
  );
  return settle('node', result.status ?? 1, summary);
}

/** Explains how to get a browser; the suite that needed it counts as 1 failed. */
function chromeMissing(suite) {
  console.log(`[${suite}] ${chromeMissingReason()}`);
  console.log(`[${suite}] The ${suite} suite counts as 1 failed.`);
  return { passed: 0, failed: 1, skipped: 0 };
}

async function runBrowser(tmpDir) {
  const configFile = path.join(rootDir, 'web-test-runner.config.mjs');
  const { browserTestGlobs } = await import(pathToFileURL(configFile).href);
  const files = expandGlobs(browserTestGlobs);
  if (files.length === 0) {
    console.log('[browser] no test files found');
    return { passed: 0, failed: 0, skipped: 0 };
  }
  console.log(`[browser] ${files.length} test file(s)`);
  const chrome = findChrome();
  if (!chrome) return chromeMissing('browser');
  const summary = path.join(tmpDir, 'wtr-summary.json');
  const wtrBin = path.join(rootDir, 'node_modules/@web/test-runner/dist/bin.js');
  const result = spawnSync(process.execPath, [wtrBin, '--config', configFile], {
    cwd: rootDir,
    stdio: 'inherit',
    env: { ...process.env, CHROME_PATH: chrome, LIVE_CHAT_WTR_SUMMARY: summary },
  });
  return settle('browser', result.status ?? 1, summary);
}

/** Builds Storybook, opens every story in Chromium, fails on errors and axe violations. */
function runStories(tmpDir) {
  const chrome = findChrome();
  if (!chrome) return chromeMissing('stories');
  const summary = path.join(tmpDir, 'stories-summary.json');
  const result = spawnSync(
    process.execPath,
    [path.join(rootDir, 'scripts/storybook-smoke.mjs'), '--summary-json', summary],
    { cwd: rootDir, stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } },
  );
  return settle('stories', result.status ?? 1, summary);
}

const RUNNERS = { node: runNode, browser: runBrowser, stories: runStories };

async function main() {
  const suites = selectedSuites();
  ensureSystemPackages(systemNeeds(suites));
  ensureDeps();
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-chat-test-'));
  const total = { passed: 0, failed: 0, skipped: 0 };
  try {
    for (const suite of suites) {
      let counts;
      try {
        counts = await RUNNERS[suite](tmpDir);
      } catch (error) {
        console.log(`[${suite}] could not run: ${error?.stack ?? error}`);
        counts = { passed: 0, failed: 1, skipped: 0 };
      }
      console.log(
        `[${suite}] passed ${counts.passed}, failed ${counts.failed}, skipped ${counts.skipped}`,
      );
      for (const key of Object.keys(total)) total[key] += counts[key];
    }
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  return total;
}

let total;
try {
  total = await main();
} catch (error) {
  console.log(`[test] ${error?.stack ?? error}`);
  total = { passed: 0, failed: 1, skipped: 0 };
}
process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exitCode = total.failed > 0 ? 1 : 0;
