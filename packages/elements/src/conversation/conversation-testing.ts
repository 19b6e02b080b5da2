/**
 * Test support for `<live-chat-conversation>`: sessions on the memory backend, a mounted
 * conversation, and queries that look through the composer's shadow root as a user sees the
 * conversation.
 */
import { fixture, html } from '@open-wc/testing';
import type { LiveChatClient, Session } from '@live-chat/core';
import { SEED_LIVE_CHATS } from '@live-chat/adapters';
import './conversation.js';
import type { LiveChatConversation } from './conversation.js';
import { seededClient, waitUntil, type Adapter, type Backend } from '../test/seeded-client.js';

export interface Setup {
  backend: Backend;
  adapter: Adapter;
  client: LiveChatClient;
}

/** The memory backend with the seed directory and history, and a ready client for `userId`. */
export const setup = (
  options: { userId?: string; pageSize?: number; latencyMs?: number; deadlineMs?: number } = {},
): Promise<Setup> =>
  seededClient({
    userId: options.userId,
    latencyMs: options.latencyMs,
    client: {
      historyPageSize: options.pageSize ?? 50,
      ...(options.deadlineMs === undefined ? {} : { commandDeadlineMs: options.deadlineMs }),
    },
  });

let customerCount = 0;

/** A new external customer writes `texts` to Customer Support: a fresh queued session. */
export function newSession(
  backend: Backend,
  texts: string[],
  name = `Test Customer ${++customerCount}`,
): Session {
  const added = backend.addCustomer({
    kind: 'external',
    name,
    account: `@test${customerCount}`,
    messenger: 'telegram',
  });
  if (!added.ok) throw new Error(added.error.message);
  let session: Session | undefined;
  for (const text of texts) {
    const written = backend.customerWrites({
      customerId: added.value.id,
      liveChatId: SEED_LIVE_CHATS.support,
      channel: 'telegram',
      text,
    });
    if (!written.ok) throw new Error(written.error.message);
    session = written.value.session;
  }
  if (!session) throw new Error('no message');
  return session;
}

/** The session's customer writes again. */
export function writeAgain(backend: Backend, session: Session, text: string): void {
  const written = backend.customerWrites({
    customerId: session.customerId,
    liveChatId: session.liveChatId,
    channel: session.channel,
    text,
  });
  if (!written.ok) throw new Error(written.error.message);
}

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
export const focused = (el: LiveChatConversation): Element | null => {
  let active = el.shadowRoot!.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};
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
