/** The story's client with some members replaced: states the seed data does not reach. */
import type { LiveChatClient } from '@live-chat/core';
import type { StoryFixture } from './story-backend.js';

/** The members a story puts in place of the client's own, from the client. */
export type ClientOverrides = (client: LiveChatClient) => Partial<LiveChatClient>;

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

/** The fixture's client; with `overrides`, a client with those members in place of its own. */
export function clientWith(fixture: StoryFixture, overrides?: ClientOverrides): LiveChatClient {
  return overrides ? withOverrides(fixture.client, overrides(fixture.client)) : fixture.client;
}
