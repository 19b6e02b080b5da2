import { createApp, defineComponent, ref, type PropType } from 'vue';
import type { MemoryBackend } from '@live-chat/adapters';
import { useLiveChatClient } from './sfc/use-live-chat-client.js';
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
    const client = useLiveChatClient(props.backend, props.userId);
    const openSessionId = ref<string | null>(null);
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
