// What the packages cost a host page, minified and gzipped: the measurement behind
// `npm run size` and the size table of README.md (kept current by a test).
//
// Each entry is bundled for browsers with esbuild (minified, ES module, production builds of
// Lit; rxjs's modern 'es2015' build), from the packages' sources (the '@live-chat/source'
// condition; the published dist/ is the same code compiled the same way), then gzipped
// (level 9). Dependencies are bundled unless listed as external. Same sources and same esbuild:
// same bytes.
//
// Besides the whole packages, it measures single components: each subpath of
// @live-chat/elements (`@live-chat/elements/session-list`, …) defines one element and imports
// only what that element renders, so a host importing it alone ships only that
// (`npm run size -- --components` lists every subpath).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { rootDir } from './paths.mjs';

/**
 * The bundles measured. `name` is the console label, `label` the README's (Markdown), `what`
 * what is in it.
 */
export const ENTRIES = [
  {
    name: '@live-chat/core',
    label: '`@live-chat/core` (rxjs not included)',
    what: 'everything core exports; rxjs not included',
    source: "export * from '@live-chat/core';",
    external: ['rxjs', 'rxjs/*'],
  },
  {
    name: '@live-chat/core + rxjs',
    label: '`@live-chat/core` + rxjs',
    what: 'everything core exports, with the rxjs operators it uses',
    source: "export * from '@live-chat/core';",
  },
  {
    name: 'createLiveChatClient',
    label: '`createLiveChatClient` alone, with the core and rxjs it uses',
    what: 'the client store alone (a host that renders its own UI), with core and rxjs',
    source: "export { createLiveChatClient } from '@live-chat/core';",
  },
  {
    name: '@live-chat/elements (all)',
    label: '`@live-chat/elements`: every component, with core, lit, @lit/context and rxjs',
    what: 'every component, with @live-chat/core, lit, @lit/context and rxjs',
    source: "export * from '@live-chat/elements';",
  },
  {
    name: '@live-chat/elements/session-list',
    label: '`@live-chat/elements/session-list` alone, with the core, lit and rxjs it uses',
    what: 'only <live-chat-session-list>, with what it uses of core, lit, @lit/context and rxjs',
    source: "export * from '@live-chat/elements/session-list';",
  },
  {
    name: 'whole workspace',
    label: 'whole workspace: every component + `createLiveChatClient`, all included',
    what: 'every component and createLiveChatClient, with core, lit, @lit/context and rxjs',
    source: [
      "export * from '@live-chat/elements';",
      "export { createLiveChatClient } from '@live-chat/core';",
    ].join('\n'),
  },
  {
    name: '@live-chat/adapters',
    label: '`@live-chat/adapters` (core, rxjs, idb not included)',
    what: 'the memory backend, seed data, simulator, IndexedDB persistence; core and rxjs not included',
    source: "export * from '@live-chat/adapters';",
    external: ['rxjs', 'rxjs/*', '@live-chat/core', 'idb'],
  },
];

/** esbuild's version, for the record. */
export const esbuildVersion = esbuild.version;

/**
 * Bundles `source` (an ES module importing the packages) the way the measurements do: minified,
 * for browsers, from the packages' sources. Resolves to `{ code, inputs }`: the bytes, and the
 * files that went into them (paths relative to the repository root, `/`-separated).
 */
export async function bundle(source, { external = [] } = {}) {
  const result = await esbuild.build({
    stdin: {
      contents: source,
      resolveDir: rootDir,
      loader: 'js',
      sourcefile: 'size-entry.js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@live-chat/source', 'es2015'],
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  return {
    code: result.outputFiles[0].contents,
    inputs: Object.keys(result.metafile.inputs).map((file) => file.split(path.sep).join('/')),
  };
}

async function measure(entry) {
  const { code } = await bundle(entry.source, { external: entry.external });
  return { ...entry, minified: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length };
}

/** Every entry of ENTRIES measured now: `{ ...entry, minified, gzip }` (bytes), in order. */
export async function measureSizes() {
  const results = [];
  for (const entry of ENTRIES) results.push(await measure(entry));
  return results;
}

/**
 * The subpaths of @live-chat/elements that have code (every component, `./i18n`), read from its
 * package.json: `[{ subpath: './session-list', specifier: '@live-chat/elements/session-list',
 * source: 'packages/elements/src/session-list/index.ts' }, …]`, the package itself (`.`) left out.
 */
export function elementsSubpaths() {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(rootDir, 'packages', 'elements', 'package.json'), 'utf8'),
  );
  return Object.entries(manifest.exports)
    .filter(([subpath, target]) => subpath !== '.' && typeof target === 'object' && target.import)
    .map(([subpath, target]) => ({
      subpath,
      specifier: `@live-chat/elements${subpath.slice(1)}`,
      source: path.posix.join('packages/elements', target['@live-chat/source']),
    }));
}

/**
 * Each subpath of @live-chat/elements imported alone (`import '@live-chat/elements/counter'`),
 * with the core, lit, @lit/context and rxjs it uses, measured like ENTRIES.
 */
export async function measureComponents() {
  const results = [];
  for (const { specifier } of elementsSubpaths()) {
    results.push(
      await measure({
        name: specifier,
        label: `\`${specifier}\``,
        what: 'this subpath alone, with what it uses of core, lit, @lit/context and rxjs',
        source: `export * from '${specifier}';`,
      }),
    );
  }
  return results;
}

/** Bytes as the tables show them: KiB with one decimal, e.g. "67.7 KB". */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export const README_START = '<!-- size:start -->';
export const README_END = '<!-- size:end -->';

/**
 * The README's size section body (what goes between the markers), as a Markdown table laid
 * out the way Prettier lays it out, so that `format:check` and the README test agree.
 */
export function readmeSizeBlock(results) {
  const header = ['bundle', 'minified', 'min+gzip'];
  const rows = results.map((r) => [r.label, kb(r.minified), kb(r.gzip)]);
  const widths = header.map((cell, i) =>
    Math.max(3, cell.length, ...rows.map((row) => row[i].length)),
  );
  const line = (cells) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [
    '',
    '',
    '`npm run size` (esbuild, minified ES modules for browsers, gzip -9); `npm run size -- --write`',
    'refreshes this table, and a test fails when it is out of date:',
    '',
    line(header),
    rule,
    ...rows.map(line),
    '',
    '',
  ].join('\n');
}

/** The text between the size markers of `readme`; throws when the markers are missing. */
export function currentReadmeSizeBlock(readme) {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END, start + 1);
  if (start < 0 || end < 0) {
    throw new Error(`README.md has no ${README_START} … ${README_END} section`);
  }
  return readme.slice(start + README_START.length, end);
}

/** `readme` with the text between the size markers replaced by `block`. */
export function replaceReadmeSizeBlock(readme, block) {
  const current = currentReadmeSizeBlock(readme);
  const start = readme.indexOf(README_START) + README_START.length;
  return readme.slice(0, start) + block + readme.slice(start + current.length);
}
