import { createContext } from '@lit/context';
import type { LiveChatClient } from '@live-chat/core';

/**
 * The workspace's client, provided by `<live-chat-workspace>` to every component inside it.
 * A stable object: components select what they need from its observables.
 */
export const clientContext = createContext<LiveChatClient | undefined>(Symbol('live-chat-client'));

/** The UI locale ('en', 'ru', or any registered), provided by `<live-chat-workspace>`. */
export const localeContext = createContext<string>(Symbol('live-chat-locale'));
