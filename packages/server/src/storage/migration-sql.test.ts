// Shipped migrations never change: the SQL each one runs, on SQLite and on PostgreSQL, is pinned
// by a digest (comments and white space aside). A database migrated by an earlier release and a
// new one must end with the same schema, so a shared table definition that changed would change
// an old migration: this test fails first.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { POSTGRES_MIGRATIONS } from '../postgres/migrations/index.js';
import { MIGRATIONS } from './migrations/index.js';

/** The statements as the database reads them: without comments, white space folded. */
function digest(statements: readonly string[]): string {
  const text = statements
    .map((sql) =>
      sql
        .replace(/--[^\n]*/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Runs every SQLite migration on a new in-memory database, recording the SQL of each. */
function sqliteStatements(): Map<string, string[]> {
  const db = new Database(':memory:');
  const byName = new Map<string, string[]>();
  try {
    for (const migration of MIGRATIONS) {
      const statements: string[] = [];
      const recording = new Proxy(db, {
        get(target, key) {
          if (key === 'exec' || key === 'prepare') {
            return (sql: string) => {
              statements.push(sql);
              return key === 'exec' ? target.exec(sql) : target.prepare(sql);
            };
          }
          const value: unknown = Reflect.get(target, key);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      migration.up(recording);
      byName.set(migration.name, statements);
    }
  } finally {
    db.close();
  }
  return byName;
}

/** Runs every PostgreSQL migration against a client that records what it is asked. */
async function postgresStatements(): Promise<Map<string, string[]>> {
  const byName = new Map<string, string[]>();
  for (const migration of POSTGRES_MIGRATIONS) {
    const statements: string[] = [];
    const client = {
      query: (sql: string) => {
        statements.push(sql);
        return Promise.resolve({ rows: [], rowCount: 0 });
      },
    } as unknown as pg.ClientBase;
    await migration.up(client);
    byName.set(migration.name, statements);
  }
  return byName;
}

const digests = (byName: Map<string, string[]>) =>
  Object.fromEntries([...byName].map(([name, statements]) => [name, digest(statements)]));

describe('shipped migrations', () => {
  it('run the same SQL on SQLite as when they shipped', () => {
    assert.deepEqual(digests(sqliteStatements()), {
      initial: '25ab1675258eaf67',
      'search-index': '1d250018ec77719f',
      channels: '06ae6fd8e7f0af7b',
      'event-log-rows': '36d8e11b1f4321fb',
      'outbox-claims': '8f92b1cb95d4350b',
      'triage-and-notes': '5e326c649971e4aa',
      presence: '05ae454fdcf0b975',
      'canned-replies': '61f31d26f43bbe1e',
      attachments: '4fd1212e45ec8628',
      'event-bodies': '5ad36e28f8e9e8ff',
      'customer-search': '3bfcf014a4cae25a',
    });
  });

  it('run the same SQL on PostgreSQL as when they shipped', async () => {
    assert.deepEqual(digests(await postgresStatements()), {
      initial: '018f66aa19779cfb',
      'search-trigrams': 'c8acd50390336b8d',
      channels: 'c81e231b5fc648e7',
      'triage-and-notes': 'b0346584d55bd7aa',
      presence: 'a1d437b25f3a69ff',
      'canned-replies': 'c0ac4def861b2970',
      attachments: '4fd1212e45ec8628',
      'customer-search': '913206e6f734bc2a',
    });
  });
});
