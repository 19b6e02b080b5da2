import type { CSSProperties, DOMAttributes, RefAttributes } from 'react';
import type { LiveChatWorkspace } from '@live-chat/elements';

/** The workspace's properties and its own events, as JSX attributes. */
type LiveChatWorkspaceAttributes = Partial<
  Pick<LiveChatWorkspace, 'client' | 'sessionId' | 'locale' | 'theme' | 'noAlerts'>
> &
  DOMAttributes<LiveChatWorkspace> &
  RefAttributes<LiveChatWorkspace> & {
    class?: string;
    style?: CSSProperties;
    'onlive-chat-session-open'?: (event: HTMLElementEventMap['live-chat-session-open']) => void;
    'onlive-chat-session-change'?: (event: HTMLElementEventMap['live-chat-session-change']) => void;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'live-chat-workspace': LiveChatWorkspaceAttributes;
    }
  }
}
