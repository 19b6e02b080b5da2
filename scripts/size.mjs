#!/usr/bin/env node
// `npm run size`: what the packages cost a host page, minified and gzipped (see lib/size.mjs
// for how each bundle is made and measured).
//
//   npm run size                the table
//   npm run size -- --json      the figures as JSON
//   npm run size -- --components  also each subpath of @live-chat/elements imported alone
//   npm run size -- --write     also rewrite the size table of README.md (between
//                               <!-- size:start --> and <!-- size:end -->)
//   npm run size -- --check     exit 1 when README.md's table is not what --write would write
import fs from 'node:fs';
import path from 'node:path';
import {
  currentReadmeSizeBlock,
  esbuildVersion,
  kb,
  measureComponents,
  measureSizes,
  readmeSizeBlock,
  replaceReadmeSizeBlock,
} from './lib/size.mjs';
import { rootDir } from './lib/paths.mjs';

const args = process.argv.slice(2);
const results = await measureSizes();
const components = args.includes('--components') ? await measureComponents() : [];

if (args.includes('--json')) {
  console.log(
    JSON.stringify(
      [...results, ...components].map(({ name, minified, gzip }) => ({
        name,
        minifiedBytes: minified,
        gzipBytes: gzip,
      })),
      null,
      2,
    ),
  );
} else {
  const width = Math.max(...[...results, ...components].map((r) => r.name.length));
  const row = (r, what = r.what) =>
    console.log(
      `${r.name.padEnd(width)}  ${kb(r.minified).padStart(10)}  ${kb(r.gzip).padStart(10)}   ${what}`,
    );
  console.log(`${'bundle'.padEnd(width)}  ${'minified'.padStart(10)}  ${'min+gzip'.padStart(10)}`);
  for (const r of results) row(r);
  if (components.length) {
    const all = results.find((r) => r.name === '@live-chat/elements (all)');
    console.log(
      '\neach subpath of @live-chat/elements alone (with core, lit, @lit/context, rxjs):',
    );
    for (const r of components)
      row(r, all ? `${Math.round((100 * r.gzip) / all.gzip)}% of every component` : '');
  }
  console.log(`\n(esbuild ${esbuildVersion}, minified ES modules for browsers, gzip -9)`);
}

if (args.includes('--write') || args.includes('--check')) {
  const readmeFile = path.join(rootDir, 'README.md');
  const readme = fs.readFileSync(readmeFile, 'utf8');
  const block = readmeSizeBlock(results);
  const upToDate = currentReadmeSizeBlock(readme) === block;
  if (args.includes('--write')) {
    if (!upToDate) fs.writeFileSync(readmeFile, replaceReadmeSizeBlock(readme, block));
    console.log(
      upToDate ? 'README.md: size table already up to date' : 'README.md: size table updated',
    );
  } else if (!upToDate) {
    console.log('README.md: the size table is out of date; run `npm run size -- --write`');
    process.exitCode = 1;
  } else {
    console.log('README.md: size table up to date');
  }
}
