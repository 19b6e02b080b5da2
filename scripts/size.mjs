#!/usr/bin/env node
// `npm run size`: what the packages cost a host page, minified and gzipped.
//
// Each entry is bundled for browsers with esbuild (minified, ES module, production builds of
// Lit; rxjs's modern 'es2015' build), from the packages' sources (the '@live-chat/source'
// condition; the published dist/ is the same code compiled the same way), then gzipped
// (level 9). Dependencies are bundled unless listed as external.
//
//   npm run size              the table
//   npm run size -- --json    the figures as JSON
import path from 'node:path';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { rootDir } from './lib/paths.mjs';

const ENTRIES = [
  {
    name: '@live-chat/core',
    what: 'everything core exports; rxjs not included',
    source: "export * from '@live-chat/core';",
    external: ['rxjs', 'rxjs/*'],
  },
  {
    name: '@live-chat/core + rxjs',
    what: 'everything core exports, with the rxjs operators it uses',
    source: "export * from '@live-chat/core';",
  },
  {
    name: '@live-chat/elements (all)',
    what: 'every component, with @live-chat/core, lit, @lit/context and rxjs',
    source: "export * from '@live-chat/elements';",
  },
  {
    name: '@live-chat/adapters',
    what: 'the memory backend, seed data, simulator, IndexedDB persistence; core and rxjs not included',
    source: "export * from '@live-chat/adapters';",
    external: ['rxjs', 'rxjs/*', '@live-chat/core', 'idb'],
  },
];

async function measure(entry) {
  const result = await esbuild.build({
    stdin: {
      contents: entry.source,
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
    external: entry.external ?? [],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { ...entry, minified: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const results = [];
for (const entry of ENTRIES) results.push(await measure(entry));

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify(
      results.map(({ name, minified, gzip }) => ({
        name,
        minifiedBytes: minified,
        gzipBytes: gzip,
      })),
      null,
      2,
    ),
  );
} else {
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`${'bundle'.padEnd(width)}  ${'minified'.padStart(10)}  ${'min+gzip'.padStart(10)}`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(width)}  ${kb(r.minified).padStart(10)}  ${kb(r.gzip).padStart(10)}   ${r.what}`,
    );
  }
  console.log(
    `\n(esbuild ${esbuild.version}, minified ES modules for browsers, gzip -9; from ${path.relative(process.cwd(), rootDir) || '.'})`,
  );
}
