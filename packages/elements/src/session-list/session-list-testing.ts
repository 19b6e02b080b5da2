/**
 * Test support for `<live-chat-session-list>`: generated sessions of Support for the memory
 * backend, a mounted list, and queries for its rows.
 */
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Customer, LiveChatClient, Session } from '@live-chat/core';
import type { SeedData } from '@live-chat/adapters';
import './session-list.js';
import type { LiveChatSessionList } from './session-list.js';
import { supportTeamSeed } from '../test/small-seed.js';

const T0 = Date.now() - 3_600_000;

/** `count` sessions of Support, oldest first, each with its own customer. */
export function generated(
  count: number,
  assignee: Session['assignee'],
  status: Session['status'],
): { sessions: Session[]; customers: Customer[] } {
  const sessions: Session[] = [];
  const customers: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const at = T0 + i * 100;
    customers.push({
      id: `c-gen-${i}`,
      kind: 'external',
      name: `Customer ${i + 1}`,
      account: `@c${i}`,
      messenger: 'telegram',
    });
    sessions.push({
      id: `s-gen-${i}`,
      liveChatId: 'lc-support',
      customerId: `c-gen-${i}`,
      name: `Customer ${i + 1}`,
      channel: 'telegram',
      status,
      assignee,
      firstMessageAt: at,
      lastMessageAt: at,
      lastMessagePreview: `Question number ${i + 1}`,
      lastMessageOrder: 0,
      queuedAt: status === 'queued' ? at : null,
      lastOperatorId: assignee?.kind === 'operator' ? assignee.operatorId : null,
      bindings: [],
    });
  }
  return { sessions, customers };
}

/** Support's team seed with these sessions (and their customers) instead of its own. */
export function seedWith(extra: Pick<SeedData, 'sessions' | 'customers'>): SeedData {
  const seed = supportTeamSeed();
  return {
    ...seed,
    customers: [...seed.customers, ...(extra.customers ?? [])],
    sessions: extra.sessions ?? [],
  };
}

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
