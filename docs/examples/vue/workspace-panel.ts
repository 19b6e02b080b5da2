import { defineComponent, type PropType } from 'vue';
import type { LiveChatClient } from '@live-chat/core';
import '@live-chat/elements'; // defines <live-chat-workspace>

/** What `live-chat-session-open` carries: the session, and a message to jump to. */
export type SessionOpenDetail = HTMLElementEventMap['live-chat-session-open']['detail'];

/**
 * `<live-chat-workspace>` as a Vue component: `client` is bound as a DOM property (`.prop`),
 * the element's events are listened to with `@live-chat-…` and re-emitted as component events.
 * The app must tell Vue's template compiler that `live-chat-*` tags are custom elements.
 */
export const WorkspacePanel = defineComponent({
  name: 'WorkspacePanel',
  props: {
    client: { type: Object as PropType<LiveChatClient>, required: true },
    sessionId: { type: String, default: undefined },
    locale: { type: String, default: 'en' },
    theme: { type: String as PropType<'light' | 'dark'>, default: 'light' },
  },
  emits: {
    'session-open': (_detail: SessionOpenDetail) => true,
    'session-change': (_sessionId: string | null) => true,
  },
  setup(_props, { emit }) {
    return {
      onOpen: (event: HTMLElementEventMap['live-chat-session-open']) =>
        emit('session-open', event.detail),
      onChange: (event: HTMLElementEventMap['live-chat-session-changed']) =>
        emit('session-change', event.detail.sessionId),
    };
  },
  template: `
    <live-chat-workspace
      :client.prop="client"
      :session-id="sessionId"
      :locale="locale"
      :theme="theme"
      @live-chat-session-open="onOpen"
      @live-chat-session-changed="onChange"
    ></live-chat-workspace>
  `,
});
