/**
 * Loading a configuration file and applying it to a database: the directory is upserted (users,
 * live chats, groups; customers only when missing) and the channel endpoints replaced, in one
 * transaction, without touching sessions, messages or event streams.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { SeedData } from '@live-chat/adapters';
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

/**
 * Applies a configuration to a store in one transaction: upserts users, live chats and groups,
 * adds the customers it does not know yet, and replaces the channel endpoints. Sessions,
 * messages, queues, event streams and command results stay. Users, live chats and groups the
 * file no longer names are kept and reported. Other processes on the same database see the new
 * directory from their next transaction on; signed-in clients see it in their next snapshot.
 */
export function applyConfig(store: SqliteStore, config: LiveChatConfig): ApplyReport {
  const db = store.db;
  return store.run((tx) => {
    const names = (sql: string) =>
      db
        .prepare<[], { id: string }>(sql)
        .all()
        .map((row) => row.id);
    const missing = (ids: string[], wanted: { id: string }[]) => {
      const keep = new Set(wanted.map((item) => item.id));
      return ids.filter((id) => !keep.has(id));
    };
    const notInFile = {
      users: missing(names('SELECT id FROM users ORDER BY rowid'), config.users),
      liveChats: missing(names('SELECT id FROM live_chats ORDER BY rowid'), config.liveChats),
      groups: missing(names('SELECT id FROM operator_groups ORDER BY rowid'), config.groups),
    };
    const newCustomers = config.customers.filter((customer) => !tx.customer(customer.id));
    // A nested transaction of better-sqlite3 is a savepoint of this one.
    store.importSeed({ ...configToSeed(config), customers: newCustomers });
    db.prepare('DELETE FROM channel_endpoints').run();
    const insert = db.prepare<[string, string]>(
      'INSERT INTO channel_endpoints (id, data) VALUES (?, ?)',
    );
    for (const endpoint of config.channels) insert.run(endpoint.id, JSON.stringify(endpoint));
    return {
      users: config.users.length,
      liveChats: config.liveChats.length,
      groups: config.groups.length,
      customersAdded: newCustomers.length,
      channels: config.channels.length,
      notInFile,
    };
  });
}
