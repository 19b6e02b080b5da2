// Interop proof and docs/embedding-vue.md: <live-chat-workspace> inside a real Vue 3 app
// (vue from npm), properties in, typed events out, clean unmount.
import '@live-chat/elements/locales/ru'; // the Russian texts, which a test shows
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, defineComponent, h, markRaw, nextTick, ref, type App as VueApp } from 'vue';
import { createLiveChatClient, type LiveChatClient } from '@live-chat/core';
import { SEED_USERS, type MemoryBackend } from '@live-chat/adapters';
import { WorkspacePanel } from '../../docs/examples/vue/workspace-panel.js';
import { createLiveChatApp } from '../../docs/examples/vue/app.js';
import {
  catchErrors,
  createTestBackend,
  loadScript,
  mountPoint,
  waitForQueueRows,
  waitForText,
} from './support/dom.js';
import { recordSessionEvents } from './support/session-events.js';

describe('Vue 3 host (docs/embedding-vue.md)', function () {
  // Whole-workspace tests on a shared CI machine: more than the default 10 s.
  this.timeout(30_000);

  let backend: MemoryBackend;
  let client: LiveChatClient;
  let mount: ReturnType<typeof mountPoint>;
  let app: VueApp | undefined;
  let watch: ReturnType<typeof catchErrors>;
  const vueWarnings: string[] = [];

  beforeEach(() => {
    watch = catchErrors();
    vueWarnings.length = 0;
    backend = createTestBackend();
    client = markRaw(createLiveChatClient({ adapter: backend.connect(SEED_USERS.operatorA) }));
    mount = mountPoint();
  });

  afterEach(async () => {
    app?.unmount();
    app = undefined;
    mount.remove();
    client.dispose();
    await backend.dispose();
    watch.stop();
  });

  /** A Vue app rendering the guide's WorkspacePanel with reactive props. */
  function mountPanel(
    props: { sessionId?: string; locale?: string },
    listeners: Record<string, unknown> = {},
  ) {
    const state = ref(props);
    const Host = defineComponent({
      setup: () => () => h(WorkspacePanel, { client, ...state.value, ...listeners }),
    });
    app = createApp(Host);
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('live-chat-');
    app.config.warnHandler = (message) => void vueWarnings.push(message);
    app.mount(mount.element);
    const workspace = mount.element.querySelector('live-chat-workspace');
    if (!workspace) throw new Error('Vue rendered no <live-chat-workspace>');
    return { state, workspace };
  }

  it('binds client as a property (.prop) and session-id, locale as attributes, reactively', async () => {
    const { state, workspace } = mountPanel({});
    expect(workspace.client).to.equal(client);
    expect(workspace.hasAttribute('client')).to.equal(false);
    await waitForText(workspace, 'Customer Support');

    const [, second] = await waitForQueueRows(workspace);
    const sessionId = second!.dataset['sessionId']!;
    state.value = { sessionId, locale: 'ru' };
    await nextTick();
    expect(workspace.sessionId).to.equal(sessionId);
    expect(workspace.locale).to.equal('ru');
    await waitForText(workspace, 'Очередь');
    expect(vueWarnings, 'Vue resolved live-chat-* as custom elements').to.deep.equal([]);
    expect(watch.errors).to.deep.equal([]);
  });

  it('re-emits live-chat-session-open and live-chat-session-changed as typed component events', async () => {
    const events = recordSessionEvents();
    const { workspace } = mountPanel(
      {},
      { onSessionOpen: events.onSessionOpen, onSessionChange: events.onSessionChange },
    );
    const [row] = await waitForQueueRows(workspace);
    const sessionId = row!.dataset['sessionId']!;
    row!.click();

    await events.expectOpened(workspace, sessionId);
    expect(watch.errors).to.deep.equal([]);
  });

  it('unmounts cleanly: the element is disconnected, and the client is then disposable', async () => {
    const { workspace } = mountPanel({});
    await waitForQueueRows(workspace);
    app!.unmount();
    app = undefined;
    expect(workspace.isConnected).to.equal(false);
    expect(mount.element.childElementCount).to.equal(0);
    client.dispose();
    expect(client.disposed).to.equal(true);
    expect(watch.errors).to.deep.equal([]);
  });

  it("the guide's App owns its client: events update its state, unmounting disposes it", async () => {
    app = createLiveChatApp({ backend, userId: SEED_USERS.operatorB });
    app.config.warnHandler = (message) => void vueWarnings.push(message);
    app.mount(mount.element);
    const workspace = mount.element.querySelector('live-chat-workspace')!;
    const appClient = workspace.client!;
    await waitUntil(
      () => appClient.me?.id === SEED_USERS.operatorB,
      'the App client never signed in',
    );
    const [row] = await waitForQueueRows(workspace);
    const sessionId = row!.dataset['sessionId']!;
    row!.click();
    const status = mount.element.querySelector('[role="status"]')!;
    await waitUntil(
      () => status.textContent === `Open session: ${sessionId}`,
      'the App did not show the open session',
    );

    app.unmount();
    app = undefined;
    expect(workspace.isConnected).to.equal(false);
    expect(appClient.disposed).to.equal(true);
    expect(vueWarnings).to.deep.equal([]);
    expect(watch.errors).to.deep.equal([]);
  });

  it("the guide's main.ts mounts the App on #app", async () => {
    const page = mountPoint('app');
    try {
      const { app: mainApp } = await loadScript<{ app: VueApp }>('/docs/examples/vue/main.ts');
      const workspace = page.element.querySelector('live-chat-workspace');
      expect(workspace).to.not.equal(null);
      await waitForText(workspace!, 'Customer Support');
      mainApp.unmount();
      expect(workspace!.isConnected).to.equal(false);
    } finally {
      page.remove();
    }
    expect(watch.errors).to.deep.equal([]);
  });
});
