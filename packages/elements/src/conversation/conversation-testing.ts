/**
 * Test support for `<live-chat-conversation>`: a client on the memory backend, a mounted
 * conversation, and queries that look through the composer's shadow root as a user sees the
 * conversation.
 */
import { fixture, html } from '@open-wc/testing';
import type { LiveChatClient, Session } from '@live-chat/core';
import './index.js'; // the entry, as a host imports it (it says where the attachments' code is)
import type { LiveChatConversation } from './conversation.js';
import { newSession } from '../test/customer-writes.js';
import { deepFocused } from '../test/deep-query.js';
import { seededClient, waitUntil, type Adapter, type Backend } from '../test/seeded-client.js';

export interface Setup {
  backend: Backend;
  adapter: Adapter;
  client: LiveChatClient;
}

/** Who the client is and how it connects, for {@link setup}. */
export interface SetupOptions {
  /** Operator A of the seed by default. */
  userId?: string;
  /** Messages per history page (50). */
  pageSize?: number;
  /** The adapter's simulated latency (0). */
  latencyMs?: number;
  /** How long a command may go unconfirmed before it fails (the client's default). */
  deadlineMs?: number;
}

/** The memory backend with the seed directory and history, and a ready client for `userId`. */
export const setup = (options: SetupOptions = {}): Promise<Setup> =>
  seededClient({
    userId: options.userId,
    latencyMs: options.latencyMs,
    client: {
      historyPageSize: options.pageSize ?? 50,
      ...(options.deadlineMs === undefined ? {} : { commandDeadlineMs: options.deadlineMs }),
    },
  });

/** A conversation showing `sessionId` (or nothing), with `style` on the host. */
export async function mount(
  client: LiveChatClient,
  sessionId?: string,
  style = '',
): Promise<LiveChatConversation> {
  const el = await fixture<LiveChatConversation>(
    html`<live-chat-conversation
      style=${style}
      .client=${client}
      .sessionId=${sessionId}
    ></live-chat-conversation>`,
  );
  return el;
}

/** What {@link showSession} takes: the client's setup, and how to get to the conversation. */
export interface ShowSessionOptions extends SetupOptions {
  /** The user takes the session first. */
  taken?: boolean;
  /** A `style` for the conversation, e.g. a height to scroll in. */
  style?: string;
}

/**
 * A ready client (see {@link setup}), a new customer's session of `texts`, taken by the user if
 * asked, and a conversation showing it once its messages (a page of them at most) are rendered.
 */
export async function showSession(
  texts: string[],
  options: ShowSessionOptions = {},
): Promise<Setup & { session: Session; el: LiveChatConversation }> {
  const world = await setup(options);
  const session = newSession(world.backend, texts);
  if (options.taken) {
    const taken = await world.client.take(session.id);
    if (!taken.ok) throw new Error(taken.error.message);
  }
  const el = await mount(world.client, session.id, options.style);
  await loaded(el, Math.min(texts.length, options.pageSize ?? 50));
  return { ...world, session, el };
}

/** The conversation's shadow root, then its composer's: the parts a user sees live in both. */
export const roots = (el: LiveChatConversation): ShadowRoot[] => [
  el.shadowRoot!,
  ...[...el.shadowRoot!.querySelectorAll('live-chat-composer')].map((c) => c.shadowRoot!),
];
export const $ = <T extends Element = HTMLElement>(el: LiveChatConversation, selector: string) =>
  roots(el)
    .map((root) => root.querySelector<T>(selector))
    .find((found) => found !== null) ?? null;
export const $$ = <T extends Element = HTMLElement>(el: LiveChatConversation, selector: string) =>
  roots(el).flatMap((root) => [...root.querySelectorAll<T>(selector)]);
/** The element focused inside the conversation, also when it is inside the composer. */
export const focused = (el: LiveChatConversation): Element | null => deepFocused(el);
export const messages = (el: LiveChatConversation) => $$(el, 'article[part~="message"]');
export const log = (el: LiveChatConversation) => $(el, '[role="log"]')!;
export const composer = (el: LiveChatConversation) => $<HTMLTextAreaElement>(el, 'textarea')!;
export const buttonByText = (el: LiveChatConversation, text: string) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.trim() === text);

/** Waits until at least `count` messages (or any) are rendered. */
export async function loaded(el: LiveChatConversation, count?: number): Promise<void> {
  await waitUntil(
    () => messages(el).length > 0 && (count === undefined || messages(el).length >= count),
    'messages rendered',
  );
  await el.updateComplete;
}
