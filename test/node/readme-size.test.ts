/// <reference types="node" />
// README.md's size table must be what `npm run size` measures now: sources change, the table
// is regenerated with `npm run size -- --write`, and this test fails until it is.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  currentReadmeSizeBlock,
  ENTRIES,
  measureSizes,
  readmeSizeBlock,
  replaceReadmeSizeBlock,
  // @ts-expect-error: a plain ES module script, without type declarations.
} from '../../scripts/lib/size.mjs';
// @ts-expect-error: a plain ES module script, without type declarations.
import { rootDir } from '../../scripts/lib/paths.mjs';

type Entry = { name: string; source: string; external?: string[] };

test('the size measurement covers the whole workspace, createLiveChatClient included', () => {
  const whole = (ENTRIES as Entry[]).find((entry) => entry.name === 'whole workspace');
  assert.ok(whole, 'a "whole workspace" bundle is measured');
  assert.match(whole.source, /from '@live-chat\/elements'/);
  assert.match(whole.source, /createLiveChatClient.*from '@live-chat\/core'/);
  assert.deepEqual(whole.external ?? [], [], 'nothing is left out of the whole workspace');
});

test('the README size section is replaced between its markers and nowhere else', () => {
  const readme = 'before\n<!-- size:start -->\nold\n<!-- size:end -->\nafter\n';
  assert.equal(currentReadmeSizeBlock(readme), '\nold\n');
  assert.equal(
    replaceReadmeSizeBlock(readme, '\nnew\n'),
    'before\n<!-- size:start -->\nnew\n<!-- size:end -->\nafter\n',
  );
  assert.throws(() => currentReadmeSizeBlock('no markers here'), /size:start/);
});

test('README.md shows the sizes `npm run size` measures now', { timeout: 120_000 }, async () => {
  const readme = fs.readFileSync(path.join(rootDir, 'README.md'), 'utf8');
  const expected = readmeSizeBlock(await measureSizes());
  assert.equal(
    currentReadmeSizeBlock(readme),
    expected,
    'README.md size table is out of date: run `npm run size -- --write`',
  );
});
