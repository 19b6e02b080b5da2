#!/usr/bin/env node
// Proves a stranger can use what we publish: builds the packages, packs them with `npm pack`,
// installs the three tarballs into a fresh project in a temporary folder (dependencies from the
// npm registry or its cache), bundles the page of docs/getting-started.md with rollup there, and
// renders it in headless Chromium: the workspace must show a live chat of the seed data, open a
// session from its queue, and log no error. It also checks what a host gets from a single
// component's subpath: every `exports` target is in the tarball, the subpaths and the React and
// Vue typings type-check in the stranger's project, and `@live-chat/elements/session-list`
// bundled alone is much smaller than the whole package.
//
//   node scripts/pack-test.mjs            (also run by test/node/pack-install.test.ts)
//   KEEP_PACK_TEST=1 node scripts/pack-test.mjs   keeps the temporary project for a look
//   SKIP_BUILD=1 node scripts/pack-test.mjs       packs the current dist/ without rebuilding
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { CHROME_ARGS, findChrome } from './lib/chrome.mjs';
import { rootDir } from './lib/paths.mjs';
import { serveStatic } from './storybook/static-server.mjs';

const PACKAGES = ['core', 'adapters', 'elements'];
const EXAMPLE = path.join(rootDir, 'docs', 'examples', 'getting-started');

/** Files each tarball must contain (paths inside `package/`). */
const REQUIRED_FILES = {
  core: ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts'],
  adapters: [
    'package.json',
    'README.md',
    'LICENSE',
    'dist/index.js',
    'dist/index.d.ts',
    'dist/conformance/index.js',
    'dist/conformance/index.d.ts',
  ],
  elements: [
    'package.json',
    'README.md',
    'LICENSE',
    'dist/index.js',
    'dist/index.d.ts',
    'custom-elements.json',
  ],
};

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}) after ${seconds} s:\n` +
        `${result.stdout ?? ''}${result.stderr ?? ''}`.slice(-6000),
    );
  }
  return { ...result, seconds };
}

const versionOf = (name) =>
  JSON.parse(fs.readFileSync(path.join(rootDir, 'node_modules', name, 'package.json'), 'utf8'))
    .version;

/** Checks the packed package.json files for what publishing needs. */
function checkManifests(packed) {
  const problems = [];
  for (const name of PACKAGES) {
    const manifest = packed[name].manifest;
    const where = `@live-chat/${name}`;
    if (manifest.license !== 'MIT') problems.push(`${where}: "license" is not MIT`);
    if (manifest.type !== 'module') problems.push(`${where}: "type" is not "module"`);
    if (!manifest.types) problems.push(`${where}: no "types"`);
    const main = manifest.exports?.['.'];
    if (!main?.types || !main?.import)
      problems.push(`${where}: exports["."] needs "types" and "import"`);
    if (main && Object.keys(main).indexOf('types') > Object.keys(main).indexOf('import')) {
      problems.push(`${where}: exports["."]: "types" must come before "import"`);
    }
    if (manifest.sideEffects === undefined) problems.push(`${where}: "sideEffects" is not set`);
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      if (/^(file|link|workspace):/.test(String(range)))
        problems.push(`${where}: dependency ${dependency}@${range}`);
    }
  }
  const elements = packed.elements.manifest;
  if (elements.customElements !== 'custom-elements.json') {
    problems.push('@live-chat/elements: "customElements" must be "custom-elements.json"');
  }
  if (elements.sideEffects === false)
    problems.push('@live-chat/elements: sideEffects false would drop the tag definitions');
  if (!packed.adapters.manifest.exports?.['./conformance']?.types) {
    problems.push('@live-chat/adapters: exports["./conformance"] needs "types"');
  }
  if (!elements.exports?.['./session-list']?.types) {
    problems.push('@live-chat/elements: exports["./session-list"] needs "types"');
  }
  // Every file an export points to (any condition) is in the tarball.
  for (const name of PACKAGES) {
    for (const [subpath, target] of Object.entries(packed[name].manifest.exports ?? {})) {
      const files = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of files) {
        if (!packed[name].files.has(path.posix.normalize(file)))
          problems.push(`@live-chat/${name}: exports["${subpath}"] points to ${file}, not packed`);
      }
    }
  }
  return problems;
}

/** Runs the whole check; resolves to a summary, rejects with what went wrong. */
export async function packTest({
  log = console.log,
  build = !process.env.SKIP_BUILD,
  keep = Boolean(process.env.KEEP_PACK_TEST),
} = {}) {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'live-chat-pack-'));
  const tarballs = path.join(tmp, 'tarballs');
  const app = path.join(tmp, 'app');
  fs.mkdirSync(tarballs);
  fs.mkdirSync(app);
  try {
    if (build) {
      const { seconds } = run(npm, ['run', 'build'], { cwd: rootDir });
      log(`[pack] npm run build: ${seconds} s`);
    }

    // 1. Pack.
    const packArgs = [
      'pack',
      '--json',
      '--pack-destination',
      tarballs,
      ...PACKAGES.flatMap((p) => ['-w', `packages/${p}`]),
    ];
    const packed = {};
    // Publishing problems are collected and reported together at the end, after the rest ran.
    const problems = [];
    for (const entry of JSON.parse(run(npm, packArgs, { cwd: rootDir }).stdout)) {
      const name = entry.name.replace('@live-chat/', '');
      const files = new Set(entry.files.map((file) => file.path));
      const manifest = JSON.parse(
        fs.readFileSync(path.join(rootDir, 'packages', name, 'package.json'), 'utf8'),
      );
      packed[name] = {
        file: path.join(tarballs, entry.filename),
        files,
        manifest,
        size: entry.size,
      };
      const missing = REQUIRED_FILES[name].filter((file) => !files.has(file));
      if (missing.length)
        problems.push(`@live-chat/${name}: the tarball lacks ${missing.join(', ')}`);
      const tests = [...files].filter((file) => /\.test\.[cm]?[jt]s$/.test(file));
      if (tests.length)
        problems.push(`@live-chat/${name}: the tarball ships tests: ${tests.join(', ')}`);
      log(
        `[pack] ${entry.filename}: ${entry.entryCount} files, ${(entry.size / 1024).toFixed(1)} KB`,
      );
    }
    problems.push(...checkManifests(packed));

    // 2. A stranger's project: the tarballs, and rollup to bundle the page.
    fs.writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify(
        { name: 'live-chat-pack-test', private: true, version: '0.0.0', type: 'module' },
        null,
        2,
      ),
    );
    for (const file of ['index.html', 'main.js', 'rollup.config.mjs'])
      fs.copyFileSync(path.join(EXAMPLE, file), path.join(app, file));
    const install = run(
      npm,
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        ...PACKAGES.map((name) => packed[name].file),
        `rollup@${versionOf('rollup')}`,
        `@rollup/plugin-node-resolve@${versionOf('@rollup/plugin-node-resolve')}`,
        `@rollup/plugin-terser@${versionOf('@rollup/plugin-terser')}`,
        // For the typings check: the host frameworks' types and the compiler.
        `typescript@${versionOf('typescript')}`,
        `@types/react@${versionOf('@types/react')}`,
        `vue@${versionOf('vue')}`,
      ],
      { cwd: app },
    );
    log(`[pack] npm install of the tarballs: ${install.seconds} s`);
    const resolved = JSON.parse(
      fs.readFileSync(path.join(app, 'node_modules', '@live-chat', 'core', 'package.json'), 'utf8'),
    );
    if (
      fs.existsSync(
        path.join(
          app,
          'node_modules',
          '@live-chat',
          'adapters',
          'node_modules',
          '@live-chat',
          'core',
        ),
      )
    ) {
      throw new Error(
        '@live-chat/adapters installed a second @live-chat/core instead of the packed one',
      );
    }
    log(`[pack] installed @live-chat/core ${resolved.version} from the tarball`);

    // 3. Bundle the getting-started page with its own rollup config.
    const bundle = run(
      process.execPath,
      [path.join(app, 'node_modules', 'rollup', 'dist', 'bin', 'rollup'), '-c', '--silent'],
      { cwd: app },
    );
    const output = path.join(app, 'dist', 'main.js');
    if (!fs.existsSync(output))
      throw new Error(`rollup wrote no dist/main.js:\n${bundle.stdout}${bundle.stderr}`);
    const bundleSource = fs.readFileSync(output, 'utf8');
    if (bundleSource.includes('/src/')) log('[pack] note: the bundle mentions /src/ paths');
    log(
      `[pack] rollup bundle: ${(bundleSource.length / 1024).toFixed(0)} KB in ${bundle.seconds} s`,
    );

    // 4. A host that imports single components: the subpaths' types and the framework typings
    // from the tarball, and what the session list costs alone.
    checkTypes(app, log);
    const sizes = await componentSizes(app, log);

    // 5. Render it in Chromium.
    const summary = { ...(await renderPage(app, log)), sizes };
    if (problems.length)
      throw new Error(`the packages are not ready to publish:\n- ${problems.join('\n- ')}`);
    log(`[pack] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return {
      ...summary,
      tarballs: Object.fromEntries(PACKAGES.map((name) => [name, packed[name].size])),
    };
  } finally {
    if (keep) log(`[pack] kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** What the stranger's project type-checks: subpath imports and the React and Vue typings. */
const TYPES_CHECK = `
import type { JSX } from 'react';
import type { GlobalComponents } from 'vue';
import type { LiveChatSessionList } from '@live-chat/elements/session-list';
import type { CounterKind } from '@live-chat/elements/counter';
import type {} from '@live-chat/elements/types/react';
import type {} from '@live-chat/elements/types/vue';

type Tag = Extract<keyof HTMLElementTagNameMap, \`live-chat-\${string}\`>;
export const every: Tag[] = ['live-chat-workspace', 'live-chat-session-list', 'live-chat-counter'];
export const react: [Exclude<Tag, keyof JSX.IntrinsicElements>] extends [never] ? 1 : 0 = 1;
export const vue: [Exclude<Tag, keyof GlobalComponents>] extends [never] ? 1 : 0 = 1;
export const list: LiveChatSessionList | null = document.querySelector('live-chat-session-list');
export const kind: CounterKind = 'unread';
// @ts-expect-error: not a counter kind
export const wrong: CounterKind = 'everything';
`;

function checkTypes(app, log) {
  fs.writeFileSync(path.join(app, 'types-check.ts'), TYPES_CHECK);
  fs.writeFileSync(
    path.join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: ['types-check.ts'],
    }),
  );
  const tsc = path.join(app, 'node_modules', 'typescript', 'bin', 'tsc');
  const { seconds } = run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app });
  log(`[pack] subpaths and React/Vue typings type-check from the tarball: ${seconds} s`);
}

/** min+gzip bytes of `source` bundled in the stranger's project (its installed packages). */
async function bundledSize(app, source) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: app, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['es2015'],
    write: false,
    logLevel: 'silent',
  });
  return zlib.gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

async function componentSizes(app, log) {
  const sessionList = await bundledSize(app, "import '@live-chat/elements/session-list';");
  const everything = await bundledSize(app, "import '@live-chat/elements';");
  log(
    `[pack] @live-chat/elements/session-list alone: ${(sessionList / 1024).toFixed(1)} KB ` +
      `min+gzip; every component: ${(everything / 1024).toFixed(1)} KB`,
  );
  if (!(sessionList < everything / 2))
    throw new Error(`the session list alone (${sessionList} B) is not far below the whole package`);
  return { sessionList, everything };
}

async function renderPage(app, log) {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found: install chromium or set CHROME_PATH.');
  const { chromium } = await import('playwright-core');
  const server = await serveStatic(app);
  const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
  const errors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    await page.goto(server.url, { waitUntil: 'load' });
    // Playwright's text and role locators look inside open shadow roots.
    await page.getByText('Customer Support').first().waitFor({ timeout: 20_000 });
    const undefinedTags = (tags) =>
      page.evaluate((names) => names.filter((tag) => !customElements.get(tag)), tags);
    const missing = await undefinedTags([
      'live-chat-workspace',
      'live-chat-session-list',
      'live-chat-counter',
    ]);
    if (missing.length) throw new Error(`tags not defined in the bundle: ${missing.join(', ')}`);
    const row = page.locator('[role="option"][data-session-id]').first();
    await row.waitFor({ timeout: 20_000 });
    const sessionId = await row.getAttribute('data-session-id');
    await row.click();
    await page.waitForFunction(
      (id) => document.querySelector('live-chat-workspace')?.getAttribute('session-id') === id,
      sessionId,
      { timeout: 20_000 },
    );
    await page.waitForFunction(
      () => document.title === 'Live chats: a session is open',
      undefined,
      { timeout: 20_000 },
    );
    // The conversation's code is a chunk of its own, loaded when the first session opens.
    await page.getByRole('log').first().waitFor({ timeout: 20_000 });
    const lazyMissing = await undefinedTags(['live-chat-conversation', 'live-chat-composer']);
    if (lazyMissing.length)
      throw new Error(`tags not defined once a session is open: ${lazyMissing.join(', ')}`);
    if (errors.length) throw new Error(`the page reported errors:\n- ${errors.join('\n- ')}`);
    log(
      `[pack] Chromium: the workspace shows "Customer Support", session ${sessionId} opened, no errors`,
    );
    return { sessionId };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  packTest().then(
    () => (process.exitCode = 0),
    (error) => {
      console.error(`[pack] FAILED: ${error?.stack ?? error}`);
      process.exitCode = 1;
    },
  );
}
