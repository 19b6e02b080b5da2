/**
 * The channel tables of a SQLite database: how its connection runs the channel store's
 * statements (prepared once each, synchronously), and what its SQL says differently.
 */
import type Database from 'better-sqlite3';
import type { SqlDialect, SqlRunner } from '../channels/sql-channel-store.js';

/** SQLite runs one write at a time: nothing to skip; customers keep their rowid order. */
export const SQLITE_CHANNEL_DIALECT: SqlDialect = Object.freeze({
  skipLocked: '',
  customerOrder: 'rowid',
});

/** Runs statements on `db`, preparing each text once. */
export function sqliteRunner(db: Database.Database): SqlRunner<'sync'> {
  const prepared = new Map<string, Database.Statement<unknown[]>>();
  const statement = (sql: string) => {
    let found = prepared.get(sql);
    if (!found) prepared.set(sql, (found = db.prepare<unknown[]>(sql)));
    return found;
  };
  return {
    rows: <R>(sql: string, values: readonly unknown[]) => statement(sql).all(...values) as R[],
    change: (sql, values) => statement(sql).run(...values).changes,
  };
}
