// docs/getting-started.md: its page and script, run as written, show a working workspace.
import { expect, waitUntil } from '@open-wc/testing';
import type { LiveChatClient } from '@live-chat/core';
import type { CustomerSimulator, MemoryBackend } from '@live-chat/adapters';
import { SEED_USERS } from '@live-chat/adapters';
import {
  catchErrors,
  fetchText,
  loadScript,
  waitForQueueRows,
  waitForText,
} from './support/dom.js';

const EXAMPLE = '/docs/examples/getting-started/';

interface GettingStartedModule {
  backend: MemoryBackend;
  client: LiveChatClient;
  simulator: CustomerSimulator;
}

describe('docs/getting-started.md', function () {
  // Whole-workspace tests on a shared CI machine: more than the default 10 s.
  this.timeout(30_000);

  it('the example page renders the workspace on the memory backend, and the queue opens sessions', async () => {
    const watch = catchErrors();
    // The page's styles and markup (its bundled <script> is replaced by the module it bundles).
    const page = new DOMParser().parseFromString(
      await fetchText(`${EXAMPLE}index.html`),
      'text/html',
    );
    const container = document.createElement('div');
    container.append(
      ...page.head.querySelectorAll('style'),
      ...page.body.querySelectorAll(':scope > :not(script)'),
    );
    document.body.append(container);
    const workspace = container.querySelector('live-chat-workspace');
    expect(workspace, 'the page has a <live-chat-workspace>').to.not.equal(null);

    const { backend, client, simulator } = await loadScript<GettingStartedModule>(
      `${EXAMPLE}main.js`,
    );
    try {
      expect(workspace!.client).to.equal(client);
      expect(client.me?.id ?? SEED_USERS.operatorA).to.equal(SEED_USERS.operatorA);
      expect(simulator.running).to.equal(true);
      await waitForText(workspace!, 'Customer Support');
      expect(getComputedStyle(workspace!).display).to.equal('block');

      const [row] = await waitForQueueRows(workspace!);
      row!.click();
      const sessionId = row!.dataset['sessionId'];
      await waitUntil(() => workspace!.sessionId === sessionId, 'the session did not open');
      await waitUntil(
        () => document.title === 'Live chats: a session is open',
        'the page did not react to the event',
      );
    } finally {
      simulator.stop();
      container.remove();
      client.dispose();
      await backend.dispose();
      watch.stop();
    }
    expect(watch.errors).to.deep.equal([]);
  });
});
