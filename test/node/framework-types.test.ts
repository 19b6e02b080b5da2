/// <reference types="node" />
// The framework typings of @live-chat/elements hold for every `live-chat-*` element: React 19
// JSX (`@live-chat/elements/types/react`, checked with tsc) and Vue templates
// (`@live-chat/elements/types/vue`, checked with vue-tsc). Each fixture uses every element the
// way a host does, asserts that every defined tag is typed, and carries mistakes the types must
// catch (`@ts-expect-error`, `@vue-expect-error`: the compiler fails when one is not an error).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = 'test/node/fixtures/framework-types';

function check(bin: string, project: string) {
  const result = spawnSync(process.execPath, [bin, '-p', project, '--pretty', 'false'], {
    cwd: rootDir,
    encoding: 'utf8',
  });
  assert.equal(
    result.status,
    0,
    `${path.basename(bin)} reported:\n${result.stdout}${result.stderr}`,
  );
}

test('React 19 JSX: every live-chat-* tag with its properties and events (tsc)', () => {
  check(
    path.join(rootDir, 'node_modules', 'typescript', 'bin', 'tsc'),
    `${fixtures}/react/tsconfig.json`,
  );
});

test('Vue templates: every live-chat-* tag with its properties and events (vue-tsc)', () => {
  check(
    path.join(rootDir, 'node_modules', 'vue-tsc', 'bin', 'vue-tsc.js'),
    `${fixtures}/vue/tsconfig.json`,
  );
});
