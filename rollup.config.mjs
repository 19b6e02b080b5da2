// Library builds for every workspace package: packages/<name>/src -> packages/<name>/dist (ESM).
// Type declarations are emitted separately by `tsc -p packages/<name>/tsconfig.build.json`
// (see the "build" script in the root package.json).
//
// Every bare import (rxjs, lit, idb, @live-chat/*, node:*) stays external: consumers' bundlers
// resolve and dedupe them. Only the package's own relative modules are compiled.
// `preserveModules` keeps one output file per source module, so dist/ mirrors src/ (and the
// .d.ts files tsc writes next to them) and consumers can tree-shake per module.
//
// Build a subset with e.g. `LIVE_CHAT_PACKAGES=core,adapters npx rollup -c`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';

const root = path.dirname(fileURLToPath(import.meta.url));

/** Entry points per package: output name (relative to dist, no extension) -> source file. */
const packages = {
  core: { index: 'src/index.ts' },
  adapters: {
    index: 'src/index.ts',
    'conformance/index': 'src/conformance/index.ts',
    'fault-injection/index': 'src/fault-injection/index.ts',
  },
  elements: { index: 'src/index.ts' },
};

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

export default Object.entries(packages)
  .filter(([name]) => selected.length === 0 || selected.includes(name))
  .map(([name, entries]) => config(name, entries));
