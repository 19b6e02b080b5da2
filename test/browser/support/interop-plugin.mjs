// A @web/dev-server (and so @web/test-runner) plugin that lets browser tests import the host
// frameworks of the interop tests and the embedding guides exactly as an application does:
//
//   import { createElement, useEffect, useRef } from 'react';
//   import { createRoot } from 'react-dom/client';
//   import { createApp, h } from 'vue';
//
// - React 19 ships CommonJS only. The dev server serves ES modules file by file and cannot run
//   CommonJS, so the React entry points are bundled into ES modules with esbuild, once, on first
//   request, all in one build with code splitting: `react`, `react-dom/client` and
//   `react/jsx-runtime` share one chunk holding React, so there is exactly one React instance.
//   Named exports are listed explicitly (read from the CommonJS module in Node), because an ES
//   module needs static export names.
// - `vue` resolves to Vue's self-contained browser build (`vue/dist/vue.esm-browser.js`): its
//   default `vue.runtime.esm-bundler.js` expects a bundler to replace `process.env.NODE_ENV`
//   and Vue's feature flags. The browser build also includes the template compiler, so
//   `compilerOptions.isCustomElement` applies to templates compiled at run time.
//
// Wiring: list `interopPlugin()` first in the `plugins` of web-test-runner.config.mjs, so that
// `npm test` serves React and Vue to test/browser/interop-*.test.ts. Until then,
// test/browser/wtr-interop.config.mjs runs the same tests with it.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** CommonJS packages served as ES modules, by bare specifier. */
const COMMONJS_MODULES = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'];

/** Bare specifiers served from another file of the same package. */
const ALIASES = { vue: 'vue/dist/vue.esm-browser.js' };

const PREFIX = '/__interop__/';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const fileNameOf = (specifier) => `${specifier.replace(/[^a-z0-9]+/gi, '_')}.js`;

/**
 * The export names of CommonJS modules, read in a child process: loading React inside the test
 * runner would run its development build against the runner's console proxy.
 */
function exportNames(specifiers) {
  const script = `console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => Object.keys(require(s)))))`;
  const lists = JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: rootDir, encoding: 'utf8' }),
  );
  return new Map(specifiers.map((specifier, i) => [specifier, lists[i]]));
}

/** An ES module entry re-exporting a CommonJS module with static names. */
function entrySource(specifier, allNames) {
  const names = allNames.filter((name) => IDENTIFIER.test(name) && name !== 'default');
  return [
    `import * as namespace from ${JSON.stringify(specifier)};`,
    'const module = namespace.default ?? namespace;',
    'export default module;',
    ...names.map((name) => `export const ${name} = module[${JSON.stringify(name)}];`),
  ].join('\n');
}

async function buildCommonJsModules(mode) {
  const names = exportNames(COMMONJS_MODULES);
  const entries = new Map(
    COMMONJS_MODULES.map((specifier) => [specifier, entrySource(specifier, names.get(specifier))]),
  );
  const result = await esbuild.build({
    absWorkingDir: rootDir,
    entryPoints: Object.fromEntries(
      COMMONJS_MODULES.map((s) => [fileNameOf(s).slice(0, -3), `interop-entry:${s}`]),
    ),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: '/out',
    chunkNames: 'chunk-[hash]',
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    logLevel: 'silent',
    plugins: [
      {
        name: 'interop-entries',
        setup(build) {
          build.onResolve({ filter: /^interop-entry:/ }, (args) => ({
            path: args.path.slice('interop-entry:'.length),
            namespace: 'interop-entry',
          }));
          build.onLoad({ filter: /.*/, namespace: 'interop-entry' }, (args) => ({
            contents: entries.get(args.path),
            resolveDir: rootDir,
            loader: 'js',
          }));
        },
      },
    ],
  });
  return new Map(result.outputFiles.map((file) => [path.basename(file.path), file.text]));
}

/**
 * The plugin. `mode` is React's build: 'development' (default; clearer errors in tests) or
 * 'production'.
 */
export function interopPlugin({ mode = 'development' } = {}) {
  let files;
  return {
    name: 'live-chat-interop',
    resolveImport({ source }) {
      if (COMMONJS_MODULES.includes(source)) return `${PREFIX}${fileNameOf(source)}`;
      if (Object.hasOwn(ALIASES, source)) {
        const require = createRequire(path.join(rootDir, 'package.json'));
        const file = require.resolve(ALIASES[source]);
        return `/${path.relative(rootDir, file).split(path.sep).join('/')}`;
      }
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      files ??= buildCommonJsModules(mode);
      const body = (await files).get(context.path.slice(PREFIX.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
