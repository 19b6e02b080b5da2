/**
 * Test support: SQLite backends for tests, in a data directory (see `temp-dir.ts`) and with no
 * background pruning, the seed customer tests write as, and backends on a clock tests move.
 */
import { createSeedData, SEED_LIVE_CHATS } from '@live-chat/adapters';
import type { Customer } from '@live-chat/core';
import type { CustomerMessageInput } from '@live-chat/core/engine';
import { createSqliteBackend, type SqliteBackend, type SqliteBackendOptions } from '../backend.js';
import type { SqliteRetention } from '../store.js';

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

/** Backends on the seed directory (no history) and on a clock a test moves (retention by age). */
export interface ClockedBackends {
  /** The backends' clock, in ms: tests move it forward. */
  now: number;
  /** Opens a backend (a new one, or the one a restart opens again) keeping what `retention` says. */
  open(retention?: SqliteRetention): SqliteBackend;
  /** Writes `count` messages of {@link firstTelegramCustomer} to `backend`, a minute apart. */
  write(backend: SqliteBackend, count: number): void;
}

/** {@link ClockedBackends} in the data directory `dataDir()`, from 27 November 2026, 9:00 UTC. */
export function clockedBackends(dataDir: () => string): ClockedBackends {
  const clocked: ClockedBackends = {
    now: Date.UTC(2026, 10, 27, 9),
    open: (retention) =>
      openTestBackend(dataDir(), {
        seed: () => createSeedData({ history: false }),
        now: () => clocked.now,
        retention,
      }),
    write(backend, count) {
      for (let index = 0; index < count; index++) {
        clocked.now += 60_000;
        const written = backend.customerWrites(telegramMessage(backend, `Message ${index}`));
        if (!written.ok) throw new Error(`Message ${index} was refused: ${written.error.message}`);
      }
    },
  };
  return clocked;
}
