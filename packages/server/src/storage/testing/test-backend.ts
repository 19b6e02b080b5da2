/**
 * Test support: SQLite backends for tests, in a data directory (see `temp-dir.ts`) and with no
 * background pruning, and the seed customer tests write as.
 */
import { SEED_LIVE_CHATS } from '@live-chat/adapters';
import type { Customer } from '@live-chat/core';
import type { CustomerMessageInput } from '@live-chat/core/engine';
import { createSqliteBackend, type SqliteBackend, type SqliteBackendOptions } from '../backend.js';

/** Opens a backend in `dataDir` (a new one, or the one a restart opens again). */
export function openTestBackend(
  dataDir: string,
  options: Omit<SqliteBackendOptions, 'dataDir' | 'file'> = {},
): SqliteBackend {
  return createSqliteBackend({ dataDir, pruneIntervalMs: 0, ...options });
}

/** The first stored customer who writes through Telegram (the seed directory has several). */
export function firstTelegramCustomer(backend: SqliteBackend): Customer {
  const customer = backend.store
    .run((tx) => [...tx.customers()], true)
    .find((c) => c.kind === 'external' && c.messenger === 'telegram');
  if (!customer) throw new Error('The backend has no Telegram customer.');
  return customer;
}

/** A message of {@link firstTelegramCustomer} to Customer Support. */
export function telegramMessage(
  backend: SqliteBackend,
  text: string,
  clientMessageId?: string,
): CustomerMessageInput {
  return {
    customerId: firstTelegramCustomer(backend).id,
    liveChatId: SEED_LIVE_CHATS.support,
    channel: 'telegram',
    text,
    ...(clientMessageId === undefined ? {} : { clientMessageId }),
  };
}
