#!/usr/bin/env node
// The guides in docs/ quote their example files verbatim, so the code a reader copies is the
// code the tests run. A quoted file is marked in the Markdown by a comment right before its
// fenced block:
//
//   <!-- include: examples/react/app.ts -->
//
//   ```ts
//   …the file's content, exactly…
//   ```
//
// The READMEs (the root one and packages/*/README.md) quote examples the same way.
// test/node/docs.test.ts fails when a block differs from its file. After editing an example,
// copy it into the guides with:
//
//   node test/docs-includes.mjs --write
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const docsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs');

// A blank line may separate the comment from the fence (Prettier puts one there).
const INCLUDE = /<!-- include: (\S+) -->\n(?:[ \t]*\n)?(`{3,})(\w*)\n([\s\S]*?)\n\2\n/g;

/** The guides: every Markdown file of docs/ (not the generated API). */
export function guideFiles() {
  return fs
    .readdirSync(docsDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(docsDir, name));
}

/** The packages' READMEs, which quote examples too. */
export function readmeFiles() {
  const packagesDir = path.join(docsDir, '..', 'packages');
  return [
    path.join(docsDir, '..', 'README.md'),
    ...fs.readdirSync(packagesDir).map((name) => path.join(packagesDir, name, 'README.md')),
  ].filter((file) => fs.existsSync(file));
}

/** Every Markdown file that may quote examples. */
export function quotingFiles() {
  return [...guideFiles(), ...readmeFiles()];
}

/** The includes of one guide: `{ file, language, quoted, actual }` (paths relative to docs/). */
export function includesOf(guide) {
  const text = fs.readFileSync(guide, 'utf8');
  return [...text.matchAll(INCLUDE)].map(([, file, , language, quoted]) => {
    const absolute = path.resolve(path.dirname(guide), file);
    const actual = fs.existsSync(absolute)
      ? fs.readFileSync(absolute, 'utf8').replace(/\n$/, '')
      : undefined;
    return { file, absolute, language, quoted, actual };
  });
}

/** Rewrites every include block of every guide with its file's content; returns changed guides. */
export function writeIncludes() {
  const changed = [];
  for (const guide of quotingFiles()) {
    const text = fs.readFileSync(guide, 'utf8');
    const next = text.replace(INCLUDE, (block, file, fence, language) => {
      const absolute = path.resolve(path.dirname(guide), file);
      if (!fs.existsSync(absolute)) return block;
      const content = fs.readFileSync(absolute, 'utf8').replace(/\n$/, '');
      return `<!-- include: ${file} -->\n\n${fence}${language}\n${content}\n${fence}\n`;
    });
    if (next !== text) {
      fs.writeFileSync(guide, next);
      changed.push(path.relative(path.join(docsDir, '..'), guide));
    }
  }
  return changed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) {
    const changed = writeIncludes();
    console.log(changed.length ? `updated: ${changed.join(', ')}` : 'every guide is up to date');
  } else {
    let stale = 0;
    for (const guide of quotingFiles()) {
      for (const include of includesOf(guide)) {
        if (include.actual !== include.quoted) {
          stale++;
          console.log(
            `${path.relative(path.join(docsDir, '..'), guide)}: ${include.file} differs (run with --write)`,
          );
        }
      }
    }
    process.exitCode = stale ? 1 : 0;
  }
}
