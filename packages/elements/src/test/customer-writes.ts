/**
 * Test support: customers writing to Support (`lc-support`, the id of Customer Support in the
 * shared seed and of Support in the small seeds), through the backend as a messenger would.
 */
import type { Channel, Customer, Session } from '@live-chat/core';
import {
  SEED_LIVE_CHATS,
  SEED_USERS,
  type CustomerWriteValue,
  type MemoryBackend,
  type NewCustomer,
} from '@live-chat/adapters';

const SUPPORT = SEED_LIVE_CHATS.support;
let customerCount = 0;

/** `customerId` writes `text` to Support through `channel`; throws if the backend refuses. */
export function writeToSupport(
  backend: MemoryBackend,
  customerId: string,
  text: string,
  channel: Channel = 'telegram',
): CustomerWriteValue {
  const written = backend.customerWrites({ customerId, liveChatId: SUPPORT, channel, text });
  if (!written.ok) throw new Error(written.error.message);
  return written.value;
}

/** The customer of a session writes again, to its live chat and through its channel. */
export function writeAgain(backend: MemoryBackend, sessionId: string, text: string): void {
  const session = backend.getSession(sessionId);
  if (!session) throw new Error(`no session ${sessionId}`);
  const written = backend.customerWrites({
    customerId: session.customerId,
    liveChatId: session.liveChatId,
    channel: session.channel,
    text,
  });
  if (!written.ok) throw new Error(written.error.message);
}

/** An internal user of the host system `userId`, as a new customer. */
export const internalCustomer = (
  userId: string,
  name: string,
  links: { avatarUrl?: string; profileUrl?: string } = {},
): Partial<Customer> => ({ kind: 'internal', userId, name, ...links });

/**
 * A new customer (external, by Telegram, unless `customer` says otherwise) writes `texts` to
 * Support, one message each: a fresh queued session.
 */
export function newSession(
  backend: MemoryBackend,
  texts: string[] = ['Hello'],
  customer: Partial<Customer> = {},
): Session {
  const n = ++customerCount;
  const added = backend.addCustomer({
    kind: 'external',
    name: `Test Customer ${n}`,
    account: `@customer${n}`,
    messenger: 'telegram',
    ...customer,
  } as NewCustomer);
  if (!added.ok) throw new Error(added.error.message);
  let session: Session | undefined;
  for (const text of texts) session = writeToSupport(backend, added.value.id, text).session;
  if (!session) throw new Error('a new session needs a message');
  return session;
}

/** An active session of Customer Support assigned to `userId` (operator A) in the backend. */
export function mySessionId(backend: MemoryBackend, userId: string = SEED_USERS.operatorA): string {
  const session = backend
    .sessions(SEED_LIVE_CHATS.support)
    .find(
      (s) =>
        s.status === 'active' &&
        s.assignee?.kind === 'operator' &&
        s.assignee.operatorId === userId,
    );
  if (!session) throw new Error('the seed has no session assigned to the user');
  return session.id;
}
