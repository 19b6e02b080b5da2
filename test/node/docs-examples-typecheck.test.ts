/// <reference types="node" />
// The guides' examples (docs/examples) type-check against the packages' sources: an API change
// that breaks a guide fails here, with the compiler's message.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('docs/examples type-check (tsc -p docs/examples)', () => {
  const tsc = path.join(rootDir, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(
    process.execPath,
    [tsc, '-p', 'docs/examples/tsconfig.json', '--pretty', 'false'],
    {
      cwd: rootDir,
      encoding: 'utf8',
    },
  );
  assert.equal(result.status, 0, `tsc reported:\n${result.stdout}${result.stderr}`);
});
