import { createContext } from '@lit/context';
import type { LiveChatClient } from '@live-chat/core';
import type { AvatarOptions } from './avatar.js';

/**
 * The workspace's client, provided by `<live-chat-workspace>` to every component inside it.
 * A stable object: components select what they need from its observables.
 */
export const clientContext = createContext<LiveChatClient | undefined>(Symbol('live-chat-client'));

/** The UI locale ('en', 'ru', or any registered), provided by `<live-chat-workspace>`. */
export const localeContext = createContext<string>(Symbol('live-chat-locale'));

/**
 * How avatars are loaded (the host's URL rewrite, and whether `http:` is allowed), provided by
 * `<live-chat-workspace>` from its `avatarUrl` and `allow-http-avatars`.
 */
export const avatarContext = createContext<AvatarOptions>(Symbol('live-chat-avatars'));
