/// <reference types="node" />
// .ci/run: every step runs even after a failure, npm test's own counts are added to one count
// per other check, and the last line is the sum ("N passed, N failed, N skipped"), with a
// non-zero exit code when anything failed. Run here with a stand-in `npm` (and `apt-get`) on
// PATH, so that nothing is installed and no real suite runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: a plain ES module script, without type declarations.
import { rootDir } from '../../scripts/lib/paths.mjs';

const CHECKS = ['lint', 'typecheck', 'format:check', 'docs', 'build'];

/** A stand-in npm: logs its arguments; `npm test` prints TEST_OUTPUT and exits TEST_STATUS. */
const FAKE_NPM = `#!/usr/bin/env bash
echo "$*" >> "$FAKE_LOG"
case "$1" in
  test) printf '%b' "$TEST_OUTPUT"; exit "\${TEST_STATUS:-0}" ;;
  run) for f in $FAILING; do [ "$f" = "$2" ] && { echo "$2 failed"; exit 2; }; done; exit 0 ;;
  *) exit 0 ;;
esac
`;

function runCi(
  t: { after: (fn: () => void) => void },
  env: { TEST_OUTPUT: string; TEST_STATUS?: string; FAILING?: string },
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ci-run-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, '.ci'));
  fs.copyFileSync(path.join(rootDir, '.ci/run'), path.join(dir, '.ci/run'));
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'npm'), FAKE_NPM, { mode: 0o755 });
  // Should the machine lack PostgreSQL, the install step talks to this instead of apt.
  fs.writeFileSync(path.join(bin, 'apt-get'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const log = path.join(dir, 'npm.log');
  const result = spawnSync('bash', [path.join(dir, '.ci/run')], {
    encoding: 'utf8',
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: dir,
      CHROME_PATH: process.execPath, // any executable: the script only checks it is set
      FAKE_LOG: log,
      TEST_STATUS: '0',
      FAILING: '',
      ...env,
    },
  });
  const lines = result.stdout.trimEnd().split('\n');
  const calls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trimEnd().split('\n') : [];
  return { status: result.status, last: lines[lines.length - 1], calls, stdout: result.stdout };
}

const ALL_CALLS = ['ci --no-audit --no-fund', 'test', ...CHECKS.map((check) => `run ${check}`)];

test('.ci/run adds one passed per check to npm test counts', (t) => {
  const run = runCi(t, { TEST_OUTPUT: 'node: ok\\n10 passed, 0 failed, 2 skipped\\n' });
  assert.deepEqual(run.calls, ALL_CALLS);
  assert.equal(run.last, '15 passed, 0 failed, 2 skipped');
  assert.equal(run.status, 0);
});

test('.ci/run runs every check after failures and sums them', (t) => {
  const run = runCi(t, {
    TEST_OUTPUT: '\\u001b[32mstuff\\u001b[0m\\n8 passed, 2 failed, 1 skipped\\n\\n',
    TEST_STATUS: '1',
    FAILING: 'lint docs',
  });
  assert.deepEqual(run.calls, ALL_CALLS);
  assert.equal(run.last, '11 passed, 4 failed, 1 skipped');
  assert.notEqual(run.status, 0);
  assert.match(run.stdout, /FAILED {2}npm run lint/);
  assert.match(run.stdout, /FAILED {2}npm run docs/);
});

test('.ci/run counts npm test as 1 failed when it ends without a summary line', (t) => {
  const run = runCi(t, { TEST_OUTPUT: 'Segmentation fault\\n', TEST_STATUS: '139' });
  assert.deepEqual(run.calls, ALL_CALLS);
  assert.equal(run.last, '5 passed, 1 failed, 0 skipped');
  assert.notEqual(run.status, 0);
});

test('.ci/run counts a failing npm test whose line shows no failure as 1 failed', (t) => {
  const run = runCi(t, { TEST_OUTPUT: '3 passed, 0 failed\\n', TEST_STATUS: '1' });
  assert.equal(run.last, '8 passed, 1 failed, 0 skipped');
  assert.notEqual(run.status, 0);
});
