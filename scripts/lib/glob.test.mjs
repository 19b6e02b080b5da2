// Test discovery must find exactly the intended files, or suites would silently run nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandGlobs } from './glob.mjs';

function tree(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glob-test-'));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), '');
  }
  return dir;
}

test('expandGlobs matches ** at any depth and skips dependency/output folders', (t) => {
  const dir = tree([
    'packages/core/src/a.test.ts',
    'packages/core/src/deep/er/b.test.ts',
    'packages/core/src/c.ts',
    'packages/core/src/d.test.tsx',
    'packages/core/dist/e.test.ts',
    'packages/core/node_modules/x/f.test.ts',
    'packages/adapters/src/g.test.ts',
  ]);
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  assert.deepEqual(expandGlobs(['packages/core/src/**/*.test.ts'], dir), [
    'packages/core/src/a.test.ts',
    'packages/core/src/deep/er/b.test.ts',
  ]);
  assert.deepEqual(expandGlobs(['packages/*/src/**/*.test.ts', '!**/deep/**'], dir), [
    'packages/adapters/src/g.test.ts',
    'packages/core/src/a.test.ts',
  ]);
  assert.deepEqual(expandGlobs(['test/browser/**/*.test.ts'], dir), []);
});
