// Interop proof and docs/embedding-react.md: <live-chat-workspace> inside a real React 19 app
// (react + react-dom/client from npm), properties in, typed events out, clean unmount.
import '@live-chat/elements/locales/ru'; // the Russian texts, which a test shows
import { expect, waitUntil } from '@open-wc/testing';
import { act, createElement, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createLiveChatClient, type LiveChatClient } from '@live-chat/core';
import { SEED_USERS, type MemoryAdapter, type MemoryBackend } from '@live-chat/adapters';
import { LiveChatPanel } from '../../docs/examples/react/live-chat-panel.js';
import { App } from '../../docs/examples/react/app.js';
import {
  catchErrors,
  createTestBackend,
  deepQueryAll,
  loadScript,
  mountPoint,
  waitForQueueRows,
  waitForText,
} from './support/dom.js';
import { recordSessionEvents } from './support/session-events.js';

/** Tells React whether updates are driven by act() (tests) or happen as in an app. */
const actEnvironment = (on: boolean) =>
  ((globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = on);
actEnvironment(true);

describe('React 19 host (docs/embedding-react.md)', function () {
  // Whole-workspace tests on a shared CI machine: more than the default 10 s.
  this.timeout(30_000);

  let backend: MemoryBackend;
  let adapter: MemoryAdapter;
  let client: LiveChatClient;
  let mount: ReturnType<typeof mountPoint>;
  let root: Root | undefined;
  let watch: ReturnType<typeof catchErrors>;

  beforeEach(() => {
    watch = catchErrors();
    backend = createTestBackend();
    adapter = backend.connect(SEED_USERS.operatorA);
    client = createLiveChatClient({ adapter });
    mount = mountPoint();
  });

  afterEach(async () => {
    if (root) await act(async () => root!.unmount());
    root = undefined;
    mount.remove();
    client.dispose();
    await backend.dispose();
    watch.stop();
  });

  const workspaceIn = (element: Element) => {
    const workspace = element.querySelector('live-chat-workspace');
    if (!workspace) throw new Error('React rendered no <live-chat-workspace>');
    return workspace;
  };

  it('sets client, sessionId, locale and theme as properties and keeps them in sync', async () => {
    root = createRoot(mount.element);
    await act(async () => root!.render(createElement(LiveChatPanel, { client, theme: 'dark' })));
    const workspace = workspaceIn(mount.element);
    expect(workspace.client).to.equal(client);
    expect(
      workspace.hasAttribute('client'),
      'an object is never stringified into an attribute',
    ).to.equal(false);
    expect(workspace.theme).to.equal('dark');
    await waitForText(workspace, 'Customer Support');

    const [, second] = await waitForQueueRows(workspace);
    const sessionId = second!.dataset['sessionId']!;
    await act(async () =>
      root!.render(
        createElement(LiveChatPanel, { client, sessionId, locale: 'ru', theme: 'dark' }),
      ),
    );
    expect(workspace.sessionId).to.equal(sessionId);
    expect(workspace.locale).to.equal('ru');
    await waitForText(workspace, 'Очередь');
    expect(watch.errors).to.deep.equal([]);
  });

  it('delivers live-chat-session-open and live-chat-session-changed to React handlers with typed details', async () => {
    const events = recordSessionEvents();
    root = createRoot(mount.element);
    await act(async () =>
      root!.render(
        createElement(LiveChatPanel, {
          client,
          onSessionOpen: events.onSessionOpen,
          onSessionChange: events.onSessionChange,
        }),
      ),
    );
    const workspace = workspaceIn(mount.element);
    const [row] = await waitForQueueRows(workspace);
    const sessionId = row!.dataset['sessionId']!;
    await act(async () => row!.click());

    await events.expectOpened(workspace, sessionId);
    expect(watch.errors).to.deep.equal([]);
  });

  it('unmounts cleanly: the element is disconnected, and the client is then disposable', async () => {
    root = createRoot(mount.element);
    await act(async () => root!.render(createElement(LiveChatPanel, { client })));
    const workspace = workspaceIn(mount.element);
    await waitForQueueRows(workspace);

    await act(async () => root!.unmount());
    root = undefined;
    expect(workspace.isConnected).to.equal(false);
    expect(mount.element.childElementCount).to.equal(0);
    client.dispose();
    expect(client.disposed).to.equal(true);
    // A disposed client's commands resolve to typed errors; nothing throws.
    const result = await client.take('no-such-session');
    expect(result.ok).to.equal(false);
    expect(watch.errors).to.deep.equal([]);
  });

  it("the guide's App (in StrictMode) owns its client: events update its state, unmounting disposes it", async () => {
    root = createRoot(mount.element);
    await act(async () =>
      root!.render(
        createElement(
          StrictMode,
          null,
          createElement(App, { backend, userId: SEED_USERS.operatorB }),
        ),
      ),
    );
    const workspace = workspaceIn(mount.element);
    const appClient = workspace.client!;
    expect(appClient.disposed).to.equal(false);
    await waitUntil(
      () => appClient.me?.id === SEED_USERS.operatorB,
      'the App client never signed in',
    );
    const [row] = await waitForQueueRows(workspace);
    const sessionId = row!.dataset['sessionId']!;
    await act(async () => row!.click());
    const status = mount.element.querySelector('[role="status"]')!;
    await waitUntil(
      () => status.textContent === `Open session: ${sessionId}`,
      'the App did not show the open session',
    );

    await act(async () => root!.unmount());
    root = undefined;
    expect(workspace.isConnected).to.equal(false);
    expect(appClient.disposed).to.equal(true);
    expect(watch.errors).to.deep.equal([]);
  });

  it("the guide's main.ts mounts the App on #root", async () => {
    const page = mountPoint('root');
    actEnvironment(false); // main.ts runs as an app does, outside act()
    try {
      const { root: mainRoot } = await loadScript<{ root: Root }>('/docs/examples/react/main.ts');
      await waitUntil(
        () => page.element.querySelector('live-chat-workspace') !== null,
        'nothing rendered',
      );
      const workspace = workspaceIn(page.element);
      await waitForText(workspace, 'Customer Support');
      expect(
        deepQueryAll(page.element, '[role="status"]').some(
          (s) => s.textContent === 'No session open',
        ),
      ).to.equal(true);
      mainRoot.unmount();
      expect(workspace.isConnected).to.equal(false);
    } finally {
      actEnvironment(true);
      page.remove();
    }
    expect(watch.errors).to.deep.equal([]);
  });
});
