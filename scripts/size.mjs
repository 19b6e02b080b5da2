#!/usr/bin/env node
// `npm run size`: what the packages cost a host page, minified and gzipped (see lib/size.mjs
// for how each bundle is made and measured). The whole workspace (every component of
// @live-chat/elements with createLiveChatClient) is bundled with code splitting: its first load
// is measured against its goal, and each part it loads with import() the first time it shows it
// (the conversation, About the session, Activity, reports, search, alert settings, New Session, …)
// is measured on its own, like the opt-in Russian texts and the WebSocket adapter, each against
// its budget. Exits 1 when the first load of the whole workspace is over its goal.
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
  WHOLE_WORKSPACE_BUDGET,
} from './lib/size.mjs';
import { rootDir } from './lib/paths.mjs';

const args = process.argv.slice(2);
const results = await measureSizes();
const components = args.includes('--components') ? await measureComponents() : [];

/** "within 60.0 KB" / "OVER 60.0 KB by 3.2 KB", or nothing without a budget. */
const verdict = (r) =>
  r.budget === undefined
    ? ''
    : r.gzip <= r.budget
      ? `within ${kb(r.budget)}`
      : `OVER ${kb(r.budget)} by ${kb(r.gzip - r.budget)}`;

if (args.includes('--json')) {
  console.log(
    JSON.stringify(
      [...results, ...components].map(({ name, minified, gzip, budget }) => ({
        name,
        minifiedBytes: minified,
        gzipBytes: gzip,
        ...(budget === undefined ? {} : { budgetBytes: budget, withinBudget: gzip <= budget }),
      })),
      null,
      2,
    ),
  );
} else {
  const width = Math.max(...[...results, ...components].map((r) => r.name.length));
  const row = (r, what = r.what) =>
    console.log(
      `${r.name.padEnd(width)}  ${kb(r.minified).padStart(10)}  ${kb(r.gzip).padStart(10)}  ${verdict(r).padEnd(28)}  ${what}`,
    );
  console.log(
    `${'bundle'.padEnd(width)}  ${'minified'.padStart(10)}  ${'min+gzip'.padStart(10)}  ${'budget (min+gzip)'.padEnd(28)}`,
  );
  for (const r of results) row(r);
  if (components.length) {
    const whole = results.find((r) => r.name === 'whole workspace');
    console.log(
      '\neach subpath of @live-chat/elements alone (with core, lit, @lit/context and rxjs):',
    );
    for (const r of components)
      row(
        r,
        whole
          ? `${Math.round((100 * r.gzip) / whole.gzip)}% of the whole workspace's first load`
          : '',
      );
  }
  console.log(
    `\n(esbuild ${esbuildVersion} --bundle --minify --format=esm --target=es2022, CSS loader ` +
      'empty, gzip -9; the whole workspace with --splitting: its first load is every file it ' +
      'fetches before the first render, each gzipped on its own)',
  );
}

const whole = results.find((r) => r.name === 'whole workspace');
if (whole.gzip > WHOLE_WORKSPACE_BUDGET) {
  console.log(
    `\nThe whole workspace's first load is ${kb(whole.gzip)} (${whole.gzip} B), over its goal of ` +
      `${kb(WHOLE_WORKSPACE_BUDGET)} (${WHOLE_WORKSPACE_BUDGET} B) by ${kb(whole.gzip - WHOLE_WORKSPACE_BUDGET)}.`,
  );
  process.exitCode = 1;
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
