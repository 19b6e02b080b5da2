// Minimal glob expansion (`**`, `*`, `?`) for test discovery: Node 20 has no fs.glob and its
// test runner does not expand globs. Patterns use `/`; `!pattern` excludes. node_modules, dist,
// .git, coverage and storybook-static are never searched.
import fs from 'node:fs';
import path from 'node:path';
import { rootDir } from './paths.mjs';

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'coverage', 'storybook-static']);

function toRegExp(pattern) {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` matches zero or more directories; a trailing `**` matches anything.
      if (pattern[i + 2] === '/') {
        re += '(?:[^/]+/)*';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, out);
    } else if (entry.isFile()) out.push(full);
  }
}

/** Files (relative to `cwd`, `/`-separated, sorted) matching any of the patterns. */
export function expandGlobs(patterns, cwd = rootDir) {
  const result = new Set();
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    const segments = pattern.split('/');
    const firstGlob = segments.findIndex((s) => /[*?[{]/.test(s));
    const base = firstGlob === -1 ? pattern : segments.slice(0, firstGlob).join('/');
    const files = [];
    const baseAbs = path.join(cwd, base);
    if (firstGlob === -1) {
      if (fs.existsSync(baseAbs)) files.push(baseAbs);
    } else walk(baseAbs, files);
    const re = toRegExp(pattern);
    for (const file of files) {
      const rel = path.relative(cwd, file).split(path.sep).join('/');
      if (re.test(rel)) result.add(rel);
    }
  }
  const negated = patterns.filter((p) => p.startsWith('!')).map((p) => toRegExp(p.slice(1)));
  return [...result].filter((f) => !negated.some((re) => re.test(f))).sort();
}
