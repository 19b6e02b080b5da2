/** The story's client with some members replaced: states the seed data does not reach. */
import type { LiveChatClient } from '@live-chat/core';

/** `client` with `overrides` in place of its own members; the rest is the client's, bound to it. */
export function withOverrides(
  client: LiveChatClient,
  overrides: Partial<LiveChatClient>,
): LiveChatClient {
  return new Proxy(client, {
    get(target, key) {
      if (key in overrides) return overrides[key as keyof LiveChatClient];
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}
