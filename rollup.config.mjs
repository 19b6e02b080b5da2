// Library builds for every workspace package: packages/<name>/src -> packages/<name>/dist (ESM).
// Type declarations are emitted separately by `tsc -p packages/<name>/tsconfig.build.json`
// (see the "build" script in the root package.json).
//
// Every bare import (rxjs, lit, idb, @live-chat/*, node:*) stays external: consumers' bundlers
// resolve and dedupe them. Only the package's own relative modules are compiled.
// `preserveModules` keeps one output file per source module, so dist/ mirrors src/ (and the
// .d.ts files tsc writes next to them) and consumers can tree-shake per module. The entry points
// are the packages' `exports` (see entriesOf): one per subpath, e.g. one per component of
// @live-chat/elements, each importing only the modules it needs.
//
// Build a subset with e.g. `LIVE_CHAT_PACKAGES=core,adapters npx rollup -c`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { minifyTemplates, TEMPLATE_SOURCES } from './scripts/lib/minify-templates.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

const PACKAGES = ['core', 'adapters', 'elements', 'server'];

/**
 * Entry points of a package, read from its package.json `exports`: every subpath with an
 * `import` target is built from its `@live-chat/source` file (`./src/x/index.ts` →
 * `./dist/x/index.js`). So adding a subpath export (e.g. a new component of
 * `@live-chat/elements`) is all it takes to build it; types-only subpaths (no `import`) get
 * their `.d.ts` from tsc alone. Returns output name (relative to dist, no extension) -> source.
 */
function entriesOf(name) {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8'),
  );
  const entries = {};
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (typeof target !== 'object' || !target.import) continue;
    const source = target['@live-chat/source'];
    const match = /^\.\/src\/(.+)\.ts$/.exec(source ?? '');
    if (!match || target.import !== `./dist/${match[1]}.js`) {
      throw new Error(
        `@live-chat/${name} exports["${subpath}"]: "import" must be the build of ` +
          `"@live-chat/source" (./src/X.ts -> ./dist/X.js), got ${source} -> ${target.import}`,
      );
    }
    entries[match[1]] = `src/${match[1]}.ts`;
  }
  return entries;
}

/** Bare specifiers (packages, node: builtins) are external; relative/absolute paths are bundled. */
const isExternal = (id) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0');

const selected = (process.env.LIVE_CHAT_PACKAGES ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

function config(name, entries) {
  const dir = path.join(root, 'packages', name);
  return {
    input: Object.fromEntries(
      Object.entries(entries).map(([out, src]) => [out, path.join(dir, src)]),
    ),
    external: isExternal,
    plugins: [
      nodeResolve({
        extensions: ['.ts', '.mjs', '.js', '.json'],
        // Only matters if a dependency ever gets bundled (externals are never resolved):
        // 'es2015' makes rxjs resolve to its modern ESM build instead of ES5 + tslib.
        exportConditions: ['@live-chat/source', 'es2015', 'browser', 'module', 'import'],
      }),
      // The Lit templates (css`…`, html`…`) of @live-chat/elements ship minified, before
      // esbuild compiles the TypeScript around them (see scripts/lib/minify-templates.mjs).
      {
        name: 'minify-templates',
        transform: (code, id) =>
          TEMPLATE_SOURCES.test(id) ? minifyTemplates(code, id, { sourceMap: true }) : null,
      },
      esbuild({
        target: 'es2022',
        tsconfig: path.join(dir, 'tsconfig.json'), // experimentalDecorators, useDefineForClassFields
        sourceMap: true,
      }),
    ],
    output: {
      dir: path.join(dir, 'dist'),
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: path.join(dir, 'src'),
      entryFileNames: '[name].js',
    },
    onwarn(warning, warn) {
      // Type-only modules (interfaces, `export type`) compile to empty chunks: expected.
      if (warning.code === 'EMPTY_BUNDLE') return;
      if (warning.code === 'CIRCULAR_DEPENDENCY') return warn(warning);
      // Anything else (unresolved import, missing export, ...) fails the build.
      throw new Error(`[${name}] ${warning.message}`);
    },
  };
}

export default PACKAGES.filter((name) => selected.length === 0 || selected.includes(name)).map(
  (name) => config(name, entriesOf(name)),
);
