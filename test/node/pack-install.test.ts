/// <reference types="node" />
// Packaging: `npm run build`, `npm pack` of the three packages, install of the tarballs into a
// fresh project, a rollup bundle of the getting-started page there, and that page rendered in
// headless Chromium; there too, single components' subpaths and the React and Vue typings
// type-check, and `@live-chat/elements/session-list` alone is much smaller than every component
// (see scripts/pack-test.mjs, also runnable on its own).
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
      sizes: { sessionList: number; everything: number };
    };
    assert.ok(summary.sessionId, 'a session of the queue opened in the bundled page');
    assert.ok(
      summary.sizes.sessionList < summary.sizes.everything / 2,
      `@live-chat/elements/session-list alone (${summary.sizes.sessionList} B min+gzip) is far ` +
        `smaller than every component (${summary.sizes.everything} B)`,
    );
  },
);
