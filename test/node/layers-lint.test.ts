/// <reference types="node" />
// The layers of docs/architecture.md are lint rules (eslint.config.js): core imports no lit, no
// adapter and no component; adapters import no lit and no component; components import no
// adapter, except in their tests and test support; no package imports the demo or the stories.
// Each case lints one line as if it were in the named file, with the repository's config.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
// @ts-expect-error: a plain ES module script, without type declarations.
import { rootDir } from '../../scripts/lib/paths.mjs';

const eslint = new ESLint({ cwd: rootDir });

/** The layer rules' messages for `code` placed at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const refused: Array<[string, string]> = [
  ['packages/core/src/client/probe.ts', "import { html } from 'lit';"],
  ['packages/core/src/client/probe.ts', "import { consume } from '@lit/context';"],
  [
    'packages/core/src/client/probe.ts',
    "import type { MemoryBackend } from '@live-chat/adapters';",
  ],
  ['packages/core/src/client/probe.ts', "export * from '@live-chat/adapters/conformance';"],
  ['packages/core/src/domain/probe.test.ts', "import '@live-chat/elements';"],
  ['packages/core/src/client/probe.ts', "const load = () => import('@live-chat/adapters');"],
  ['packages/adapters/src/memory/probe.ts', "import { LitElement } from 'lit';"],
  ['packages/adapters/src/memory/probe.ts', "import '@live-chat/elements/session-list';"],
  [
    'packages/elements/src/counter/probe.ts',
    "import { createMemoryBackend } from '@live-chat/adapters';",
  ],
  ['packages/elements/src/counter/probe.ts', "const load = () => import('@live-chat/adapters');"],
  ['packages/elements/src/counter/probe.ts', "import '../../../../demo/main.js';"],
  ['packages/elements/src/counter/probe.test.ts', "import '../../../../stories/support/seed.js';"],
  ['packages/adapters/src/memory/probe.ts', "import '../../../../stories/counter.stories.js';"],
  ['packages/core/src/client/probe.ts', "import '../../../../demo/main.js';"],
];

const allowed: Array<[string, string]> = [
  ['packages/core/src/client/probe.ts', "import { map } from 'rxjs';"],
  [
    'packages/adapters/src/memory/probe.ts',
    "import type { TransportAdapter } from '@live-chat/core';",
  ],
  ['packages/elements/src/counter/probe.ts', "import { html } from 'lit';"],
  [
    'packages/elements/src/counter/probe.ts',
    "import type { LiveChatClient } from '@live-chat/core';",
  ],
  [
    'packages/elements/src/counter/probe.test.ts',
    "import { createMemoryBackend } from '@live-chat/adapters';",
  ],
  ['packages/elements/src/test/probe.ts', "import { createSeedData } from '@live-chat/adapters';"],
  ['stories/probe.stories.ts', "import { createMemoryBackend } from '@live-chat/adapters';"],
  ['demo/probe.ts', "import '@live-chat/elements';"],
];

describe('lint: the layers', () => {
  for (const [file, code] of refused) {
    it(`refuses in ${file}: ${code}`, async () => {
      assert.notDeepEqual(await layerErrors(file, code), [], 'a layer rule reports it');
    });
  }
  for (const [file, code] of allowed) {
    it(`allows in ${file}: ${code}`, async () => {
      assert.deepEqual(await layerErrors(file, code), []);
    });
  }

  it('the packages, as they are, break no layer rule', async () => {
    const results = await eslint.lintFiles(['packages/*/src/**/*.ts']);
    const broken = results.flatMap((result) =>
      result.messages
        .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
        .map((m) => `${result.filePath}:${m.line}: ${m.message}`),
    );
    assert.deepEqual(broken, []);
  });
});
