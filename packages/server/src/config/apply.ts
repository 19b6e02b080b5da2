/**
 * Loading a configuration file and applying it to a database, SQLite or PostgreSQL: the
 * directory is upserted (users, live chats, groups; customers only when missing) and the
 * channel endpoints replaced, in one transaction, without touching sessions, messages or event
 * streams.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { Customer } from '@live-chat/core';
import { seedNextId, type SeedData } from '@live-chat/adapters';
import { replaceEndpoints } from '../channels/sql-channel-store.js';
import { postgresRunner } from '../postgres/channel-store.js';
import { putGroup, putLiveChat, putUser } from '../postgres/directory.js';
import type { PostgresStore } from '../postgres/store.js';
import { sqliteRunner } from '../storage/channel-store.js';
import type { SqliteStore } from '../storage/store.js';
import { parseConfig, type ChannelEndpoint, type LiveChatConfig } from './schema.js';

/** Reads and validates a configuration file; throws a `ConfigError` naming each bad field. */
export function loadConfigFile(file: string): LiveChatConfig {
  return parseConfig(fs.readFileSync(file, 'utf8'), file);
}

/** The directory of a configuration as seed data (what a new database is created with). */
export function configToSeed(config: LiveChatConfig): SeedData {
  return {
    users: config.users,
    liveChats: config.liveChats,
    groups: config.groups,
    customers: config.customers,
  };
}

/** What {@link applyConfig} changed. */
export interface ApplyReport {
  users: number;
  liveChats: number;
  groups: number;
  /** Customers added (existing ones are left as they are). */
  customersAdded: number;
  channels: number;
  /** Ids in the database that the file no longer names; they are kept (sessions may use them). */
  notInFile: { users: string[]; liveChats: string[]; groups: string[] };
}

/** The channel endpoints stored in a database, in id order. */
export function readChannelEndpoints(db: Database.Database): ChannelEndpoint[] {
  return db
    .prepare<[], { data: string }>('SELECT data FROM channel_endpoints ORDER BY id')
    .all()
    .map((row) => JSON.parse(row.data) as ChannelEndpoint);
}

/** Ids of the directory as the database has them, in the order they were added. */
interface StoredIds {
  users: string[];
  liveChats: string[];
  groups: string[];
}

/** The report of applying `config` to a database that held `stored`. */
function applyReport(config: LiveChatConfig, stored: StoredIds, added: Customer[]): ApplyReport {
  const missing = (ids: string[], wanted: { id: string }[]) => {
    const keep = new Set(wanted.map((item) => item.id));
    return ids.filter((id) => !keep.has(id));
  };
  return {
    users: config.users.length,
    liveChats: config.liveChats.length,
    groups: config.groups.length,
    customersAdded: added.length,
    channels: config.channels.length,
    notInFile: {
      users: missing(stored.users, config.users),
      liveChats: missing(stored.liveChats, config.liveChats),
      groups: missing(stored.groups, config.groups),
    },
  };
}

/**
 * Applies a configuration to a store in one transaction: upserts users, live chats and groups,
 * adds the customers it does not know yet, and replaces the channel endpoints. Sessions,
 * messages, queues, event streams and command results stay. Users, live chats and groups the
 * file no longer names are kept and reported. Other processes on the same database see the new
 * directory from their next transaction on; signed-in clients see it in their next snapshot.
 *
 * A SQLite store answers at once; a PostgreSQL store with a promise (instances applying the
 * same file at once take turns).
 */
export function applyConfig(store: SqliteStore, config: LiveChatConfig): ApplyReport;
export function applyConfig(store: PostgresStore, config: LiveChatConfig): Promise<ApplyReport>;
export function applyConfig(
  store: SqliteStore | PostgresStore,
  config: LiveChatConfig,
): ApplyReport | Promise<ApplyReport> {
  return store.mode === 'sync' ? applyToSqlite(store, config) : applyToPostgres(store, config);
}

function applyToSqlite(store: SqliteStore, config: LiveChatConfig): ApplyReport {
  const db = store.db;
  return store.run((tx) => {
    const ids = (table: string) =>
      db.prepare<[], string>(`SELECT id FROM ${table} ORDER BY rowid`).pluck().all();
    const stored = {
      users: ids('users'),
      liveChats: ids('live_chats'),
      groups: ids('operator_groups'),
    };
    const added = config.customers.filter((customer) => !tx.customer(customer.id));
    // A nested transaction of better-sqlite3 is a savepoint of this one.
    store.importSeed({ ...configToSeed(config), customers: added });
    replaceEndpoints(sqliteRunner(db), config.channels);
    return applyReport(config, stored, added);
  });
}

function applyToPostgres(store: PostgresStore, config: LiveChatConfig): Promise<ApplyReport> {
  // A directory write: it holds the directory lock exclusively from the start of its transaction
  // (taking it later, over the shared hold every write takes, could deadlock with another apply).
  return store.run(
    async (tx) => {
      const db = tx.connection;
      const ids = async (table: string) =>
        (await db.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY pk`)).rows.map(
          (row) => row.id,
        );
      const stored = {
        users: await ids('users'),
        liveChats: await ids('live_chats'),
        groups: await ids('operator_groups'),
      };
      const added: Customer[] = [];
      for (const customer of config.customers) {
        if (!(await tx.customer(customer.id))) added.push(customer);
      }
      for (const user of config.users) await putUser(db, user);
      for (const chat of config.liveChats) await putLiveChat(db, chat);
      for (const group of config.groups) await putGroup(db, group);
      for (const customer of added) await tx.putCustomer(customer);
      // Generated ids continue above the ids of the added customers.
      const nextId = seedNextId({ ...configToSeed(config), customers: added });
      await db.query(
        `SELECT setval('record_ids', $1) WHERE $1 > (SELECT last_value FROM record_ids)`,
        [nextId - 1],
      );
      await replaceEndpoints(postgresRunner(db), config.channels);
      return applyReport(config, stored, added);
    },
    false,
    true,
  );
}
