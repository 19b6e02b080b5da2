import { createApp, defineComponent, markRaw, onBeforeUnmount, ref, type PropType } from 'vue';
import { createLiveChatClient } from '@live-chat/core';
import type { MemoryBackend } from '@live-chat/adapters';
import { WorkspacePanel } from './workspace-panel.js';

/** A host app: one client per signed-in user, the workspace, and the app's own status line. */
export const App = defineComponent({
  name: 'App',
  components: { WorkspacePanel },
  props: {
    backend: { type: Object as PropType<MemoryBackend>, required: true },
    userId: { type: String, required: true },
  },
  setup(props) {
    const adapter = props.backend.connect(props.userId);
    // markRaw: the client is a stateful service object, not data for Vue to make reactive.
    const client = markRaw(createLiveChatClient({ adapter }));
    const openSessionId = ref<string | null>(null);
    onBeforeUnmount(() => {
      client.dispose();
      adapter.dispose();
    });
    return { client, openSessionId };
  },
  template: `
    <div class="app">
      <p role="status">{{ openSessionId ? 'Open session: ' + openSessionId : 'No session open' }}</p>
      <WorkspacePanel :client="client" @session-change="openSessionId = $event" />
    </div>
  `,
});

/** Creates the app with the compiler option every Vue host of web components needs. */
export function createLiveChatApp(props: { backend: MemoryBackend; userId: string }) {
  const app = createApp(App, props);
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('live-chat-');
  return app;
}
