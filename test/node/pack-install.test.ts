/// <reference types="node" />
// Packaging: `npm run build`, `npm pack` of the three packages, install of the tarballs into a
// fresh project, a rollup bundle of the getting-started page there, and that page rendered in
// headless Chromium (see scripts/pack-test.mjs, also runnable on its own).
import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error: a plain ES module script, without type declarations.
import { packTest } from '../../scripts/pack-test.mjs';

test(
  'a stranger installs the packed tarballs, bundles <live-chat-workspace> with rollup and it renders',
  { timeout: 600_000 },
  async () => {
    const summary = (await packTest({ log: (line: string) => console.log(line) })) as {
      sessionId: string | null;
    };
    assert.ok(summary.sessionId, 'a session of the queue opened in the bundled page');
  },
);
