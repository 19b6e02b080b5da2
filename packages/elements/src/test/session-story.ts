import { html, type TemplateResult } from 'lit';
import type { LiveChatClient } from '@live-chat/core';

/** The session a {@link sessionStory} shows: one id, or one per round (none when undefined). */
export type StorySession = string | undefined | ((round: number) => string | undefined);

/**
 * Test support: a story of one component that shows a session, `<tag>` with the client and the
 * session id set as properties: for `fixture`, and for `testForLeaks`, which passes the round.
 */
export const sessionStory =
  (tag: string, session?: StorySession) =>
  ({ client, round = 0 }: { client: LiveChatClient; round?: number }): TemplateResult => {
    const sessionId = typeof session === 'function' ? session(round) : session;
    return html`${Object.assign(document.createElement(tag), { client, sessionId })}`;
  };
