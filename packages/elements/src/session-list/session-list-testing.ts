/**
 * Test support for `<live-chat-session-list>`: a mounted list and queries for its rows (the
 * sessions to fill it with: `test/generated-sessions.ts`).
 */
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LiveChatClient } from '@live-chat/core';
import './session-list.js';
import type { LiveChatSessionList } from './session-list.js';

/** A session list of Support for `client`; the other options as the element's attributes. */
export function mountList(
  client: LiveChatClient,
  options: { group?: string; style?: string; selectedSessionId?: string; locale?: string } = {},
): Promise<LiveChatSessionList> {
  return fixture<LiveChatSessionList>(
    html`<live-chat-session-list
      style=${ifDefined(options.style)}
      locale=${ifDefined(options.locale)}
      live-chat-id="lc-support"
      group=${ifDefined(options.group)}
      selected-session-id=${ifDefined(options.selectedSessionId)}
      .client=${client}
    ></live-chat-session-list>`,
  );
}

/** The rows (`role="option"`) in the DOM. */
export const options = (el: LiveChatSessionList) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]'),
];
/** The row that has focus, if any. */
export const focusedOption = (el: LiveChatSessionList) =>
  el.shadowRoot!.activeElement as HTMLElement | null;
/** The loading, empty, permission or error text. */
export const message = (el: LiveChatSessionList) =>
  el.shadowRoot!.querySelector('[part~="message"]')?.textContent?.trim();
