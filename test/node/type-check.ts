/// <reference types="node" />
// Test support: runs a TypeScript compiler (tsc, or vue-tsc for Vue templates) on a project, as
// the type tests do, from the repository's root.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The TypeScript compiler of the repository. */
export const TSC = path.join(rootDir, 'node_modules', 'typescript', 'bin', 'tsc');

/** The Vue compiler's type checker (templates included) of the repository. */
export const VUE_TSC = path.join(rootDir, 'node_modules', 'vue-tsc', 'bin', 'vue-tsc.js');

/** Runs `compiler` on `project` (relative to the root, or absolute) with `options`. */
export function typeCheck(
  compiler: string,
  project: string,
  ...options: string[]
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [compiler, '-p', project, '--pretty', 'false', ...options], {
    cwd: rootDir,
    encoding: 'utf8',
  });
}

/** Fails with the compiler's report unless `compiler` accepts `project`. */
export function assertTypeChecks(compiler: string, project: string): void {
  const result = typeCheck(compiler, project);
  assert.equal(
    result.status,
    0,
    `${path.basename(compiler)} reported:\n${result.stdout}${result.stderr}`,
  );
}
