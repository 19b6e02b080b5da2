/// <reference types="node" />
// The guides' examples (docs/examples) type-check against the packages' sources: an API change
// that breaks a guide fails here, with the compiler's message. The Vue single-file components
// (docs/examples/vue/sfc) are checked with vue-tsc, templates included.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function typecheck(bin: string, project: string, ...options: string[]) {
  const result = spawnSync(
    process.execPath,
    [bin, '-p', project, '--pretty', 'false', ...options],
    {
      cwd: rootDir,
      encoding: 'utf8',
    },
  );
  assert.equal(
    result.status,
    0,
    `${path.basename(bin)} reported:\n${result.stdout}${result.stderr}`,
  );
}

test('docs/examples type-check (tsc -p docs/examples)', () => {
  typecheck(
    path.join(rootDir, 'node_modules', 'typescript', 'bin', 'tsc'),
    'docs/examples/tsconfig.json',
  );
});

test('docs/examples/vue/sfc type-checks, templates included (vue-tsc)', () => {
  typecheck(
    path.join(rootDir, 'node_modules', 'vue-tsc', 'bin', 'vue-tsc.js'),
    'docs/examples/vue/sfc/tsconfig.json',
  );
});

test('docs/examples use only erasable TypeScript syntax (erasableSyntaxOnly, as Vite templates)', () => {
  // The option applies to the packages' sources too (the examples import them from source),
  // which may use parameter properties: only the examples' own files must be free of TS1294.
  const tsc = path.join(rootDir, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(
    process.execPath,
    [tsc, '-p', 'docs/examples/tsconfig.json', '--pretty', 'false', '--erasableSyntaxOnly'],
    { cwd: rootDir, encoding: 'utf8' },
  );
  const inExamples = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('docs/examples/') && line.includes('TS1294'));
  assert.deepEqual(inExamples, []);
});
