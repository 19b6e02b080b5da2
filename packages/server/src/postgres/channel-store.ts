/**
 * The channel tables of a PostgreSQL database, shared by every instance: how a pool or a
 * transaction's connection runs the channel store's statements, and what its SQL says
 * differently.
 */
import type pg from 'pg';
import type { SqlDialect, SqlRunner } from '../channels/sql-channel-store.js';

/** Concurrent claims of several instances pass each other's locked rows by. */
export const POSTGRES_CHANNEL_DIALECT: SqlDialect = Object.freeze({
  skipLocked: 'FOR UPDATE SKIP LOCKED',
  customerOrder: 'pk',
});

/** Statement texts with `?` placeholders, numbered as PostgreSQL wants them (`$1`, `$2`, …). */
const numbered = new Map<string, string>();

function numberedPlaceholders(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    let n = 0;
    numbered.set(sql, (text = sql.replace(/\?/g, () => `$${++n}`)));
  }
  return text;
}

/** Runs statements on `db`: the pool, or the connection of a transaction. */
export function postgresRunner(db: pg.Pool | pg.ClientBase): SqlRunner<'async'> {
  return {
    rows: async <R>(sql: string, values: readonly unknown[]) =>
      (await db.query(numberedPlaceholders(sql), values as unknown[])).rows as R[],
    change: async (sql, values) =>
      (await db.query(numberedPlaceholders(sql), values as unknown[])).rowCount ?? 0,
  };
}
