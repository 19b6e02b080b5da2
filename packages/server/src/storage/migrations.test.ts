// Versioned migrations: a new database gets every one, an up-to-date one none, an older one the
// missing ones (with its rows carried over and indexed), and a newer or different one is refused.
import assert from 'node:assert/strict';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { openDatabase } from './database.js';
import { StorageError } from './errors.js';
import { initial } from './migrations/0001-initial.js';
import { migrate, MIGRATIONS } from './migrations/index.js';
import { openSqliteStore } from './store.js';
import { createTempDir, type TempDir } from './testing/temp-dir.js';

const applied = (file: string) => {
  const db = openDatabase({ file });
  try {
    return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
  } finally {
    db.close();
  }
};

describe('migrations', () => {
  let dir: TempDir;
  let file: string;

  beforeEach(() => {
    dir = createTempDir();
    file = path.join(dir.path, 'test.sqlite3');
  });
  afterEach(() => dir.remove());

  /** The versions of this release's migrations, and the latest. */
  const VERSIONS = MIGRATIONS.map((migration) => migration.version);
  const LATEST = VERSIONS.length;

  it('are numbered 1, 2, 3… in order', () => {
    assert.deepEqual(
      MIGRATIONS.map((migration) => migration.version),
      MIGRATIONS.map((_, index) => index + 1),
    );
  });

  it('create the whole schema on an empty database, in WAL mode', () => {
    const store = openSqliteStore({ file });
    try {
      assert.deepEqual(store.migrations, { applied: VERSIONS, version: LATEST });
      assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
      const tables = store.db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      for (const table of ['sessions', 'messages', 'events', 'event_streams', 'command_results']) {
        assert.ok(tables.includes(table), table);
      }
      assert.ok(tables.includes('message_texts_fts'));
    } finally {
      store.close();
    }
    assert.deepEqual(applied(file), [
      { version: 1, name: 'initial' },
      { version: 2, name: 'search-index' },
      { version: 3, name: 'channels' },
      { version: 4, name: 'event-log-rows' },
      { version: 5, name: 'outbox-claims' },
      { version: 6, name: 'triage-and-notes' },
      { version: 7, name: 'presence' },
      { version: 8, name: 'canned-replies' },
      { version: 9, name: 'attachments' },
      { version: 10, name: 'event-bodies' },
      { version: 11, name: 'customer-search' },
    ]);
  });

  it('change nothing on an up-to-date database', () => {
    openSqliteStore({ file }).close();
    const before = applied(file);
    const store = openSqliteStore({ file });
    try {
      assert.deepEqual(store.migrations, { applied: [], version: LATEST });
    } finally {
      store.close();
    }
    assert.deepEqual(applied(file), before);
  });

  it('bring an older database up to date, indexing the rows it already had', () => {
    // A database of release 1: the initial schema only, with a session and a message.
    const db = openDatabase({ file });
    assert.deepEqual(migrate(db, [initial]), { applied: [1], version: 1 });
    db.exec(`
      INSERT INTO sessions (id, live_chat_id, customer_id, name, channel, status, first_message_at,
        last_message_at, last_message_preview, last_message_order, bindings)
      VALUES ('s-1', 'lc-1', 'cust-1', 'Zoë Schmidt (Web)', 'web', 'closed', 1, 2, 'Grüße', 1, '[]');
      INSERT INTO messages (id, session_id, ord, author_kind, author_id, text, channel, sent_at)
      VALUES ('m-2', 's-1', 1, 'customer', 'cust-1', 'Viele Grüße aus München', 'web', 2);
      INSERT INTO event_streams (user_id, last_seq, oldest_seq) VALUES ('u-1', 2, 1);
      INSERT INTO events (user_id, seq, at, event) VALUES
        ('u-1', 1, 1, '{"type":"session.removed","sessionId":"s-0"}'),
        ('u-1', 2, 2, '{"type":"session.removed","sessionId":"s-9"}');
    `);
    db.close();

    const store = openSqliteStore({ file });
    try {
      assert.deepEqual(store.migrations, { applied: VERSIONS.slice(1), version: LATEST });
      // The event log keeps its events, and the next one continues the seqs.
      const log = store.run((tx) => {
        tx.appendEvent('u-1', { type: 'session.removed', sessionId: 's-1' });
        return tx.readEvents('u-1', 0);
      });
      assert.deepEqual(
        log.events.map((event) => [event.seq, event.type === 'session.removed' && event.sessionId]),
        [
          [1, 's-0'],
          [2, 's-9'],
          [3, 's-1'],
        ],
      );
      const sessions = store.run((tx) => tx.sessionsMatching('lc-1', 'zoe schm'), true);
      assert.deepEqual(
        sessions.map((session) => session.id),
        ['s-1'],
      );
      // Folded as the engine folds: case and accents go, "ß" stays "ß".
      const messages = store.run((tx) => tx.messagesMatching('s-1', 'GRUSSE AUS'), true);
      assert.deepEqual(messages, []);
      const found = store.run((tx) => tx.messagesMatching('s-1', 'grüße aus munch'), true);
      assert.deepEqual(
        found.map((message) => message.id),
        ['m-2'],
      );
    } finally {
      store.close();
    }
  });

  it('keep serving an event log written before shared bodies, and continue it', () => {
    // A database of release 9, whose log holds whole events (a body per user and event).
    const db = openDatabase({ file });
    migrate(db, MIGRATIONS.slice(0, 9));
    const session = { id: 's-1', liveChatId: 'lc-1', name: 'Zoë', unread: undefined };
    const message = { id: 'm-1', sessionId: 's-1', text: 'Grüße "quoted" \\ line\nbreak' };
    const old = (userId: string, seq: number) => ({
      type: 'message.added',
      message,
      session,
      unread: seq,
      seq,
      userId,
    });
    const insert = db.prepare('INSERT INTO events (user_id, seq, at, event) VALUES (?, ?, ?, ?)');
    for (const userId of ['u-1', 'u-2']) {
      db.prepare('INSERT INTO event_streams (user_id, last_seq, oldest_seq) VALUES (?, 2, 1)').run(
        userId,
      );
      for (const seq of [1, 2]) {
        const { seq: _seq, userId: _user, ...stored } = old(userId, seq);
        insert.run(userId, seq, seq, JSON.stringify(stored));
      }
    }
    db.close();

    const store = openSqliteStore({ file });
    try {
      assert.deepEqual(store.migrations, { applied: [10, 11], version: LATEST });
      const replay = (userId: string, since: number) =>
        store.run((tx) => tx.readEvents(userId, since), true).events;
      const expected = (userId: string, seq: number) => {
        const { userId: _user, ...event } = old(userId, seq);
        return JSON.parse(JSON.stringify(event)) as unknown;
      };
      assert.deepEqual(replay('u-1', 0), [expected('u-1', 1), expected('u-1', 2)]);
      // New events continue the seqs and share one body; the old rows keep theirs.
      const next = {
        type: 'message.added',
        message: { ...message, id: 'm-2' },
        session,
        unread: 3,
      };
      const added = store.run((tx) =>
        ['u-1', 'u-2'].map((userId) => tx.appendEvent(userId, next as never)),
      );
      assert.deepEqual(
        added.map((event) => event.seq),
        [3, 3],
      );
      for (const userId of ['u-1', 'u-2']) {
        const events = replay(userId, 1);
        assert.deepEqual(
          events.map((event) => [event.seq, event.type === 'message.added' && event.message.id]),
          [
            [2, 'm-1'],
            [3, 'm-2'],
          ],
        );
        assert.deepEqual(events[0], expected(userId, 2));
      }
      const bodies = store.db.prepare('SELECT count(*) FROM event_bodies').pluck().get();
      assert.equal(bodies, 1, 'one body for both recipients of the new event');
    } finally {
      store.close();
    }
  });

  it('trim an event log written before shared bodies across its old and new rows', () => {
    const db = openDatabase({ file });
    migrate(db, MIGRATIONS.slice(0, 9));
    // u-1: 300 events; u-2: trimmed before, its log starts at seq 5.
    db.exec(`
      INSERT INTO event_streams (user_id, last_seq, oldest_seq) VALUES ('u-1', 300, 1), ('u-2', 9, 5);
      WITH RECURSIVE n(seq) AS (SELECT 1 UNION ALL SELECT seq + 1 FROM n WHERE seq < 300)
      INSERT INTO events (user_id, seq, at, event)
        SELECT 'u-1', seq, seq,
          json_object('type', 'session.removed', 'sessionId', 's-' || seq)
        FROM n;
      INSERT INTO events (user_id, seq, at, event)
        SELECT 'u-2', value, value, json_object('type', 'session.removed', 'sessionId', 'x-' || value)
        FROM json_each('[5, 6, 7, 8, 9]');
    `);
    db.close();

    const store = openSqliteStore({ file, retention: { eventsPerUser: 100 } });
    try {
      const ids = (userId: string, since: number) =>
        store
          .run((tx) => tx.readEvents(userId, since), true)
          .events.map((event) => [event.seq, event.type === 'session.removed' && event.sessionId]);
      assert.deepEqual(ids('u-2', 4), [
        [5, 'x-5'],
        [6, 'x-6'],
        [7, 'x-7'],
        [8, 'x-8'],
        [9, 'x-9'],
      ]);
      assert.equal(ids('u-1', 0).length, 300);
      // The 301st event outgrows the log by a batch: it keeps the newest 100.
      const next = store.run((tx) =>
        tx.appendEvent('u-1', { type: 'session.removed', sessionId: 's-301' }),
      );
      assert.equal(next.seq, 301);
      const log = store.run((tx) => tx.readEvents('u-1', 201), true);
      assert.equal(log.oldestSeq, 202);
      assert.deepEqual(
        log.events.map((event) => event.seq),
        Array.from({ length: 100 }, (_, index) => 202 + index),
      );
      const rows = store.db.prepare("SELECT count(*) FROM events WHERE user_id = 'u-1'").pluck();
      assert.equal(rows.get(), 100);
    } finally {
      store.close();
    }
  });

  for (const { refused, prepare, code } of [
    {
      refused: 'migrated by a newer release',
      prepare(db: Database.Database) {
        migrate(db);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(
          MIGRATIONS.length + 1,
          'from-the-future',
        );
      },
      code: 'SCHEMA_TOO_NEW',
    },
    {
      refused: 'whose applied migration differs from this release’s',
      prepare: (db: Database.Database) => migrate(db, [{ ...initial, name: 'something-else' }]),
      code: 'SCHEMA_MISMATCH',
    },
  ] as const) {
    it(`refuse a database ${refused}`, () => {
      const db = openDatabase({ file });
      prepare(db);
      db.close();
      assert.throws(
        () => openSqliteStore({ file }),
        (error: unknown) => error instanceof StorageError && error.code === code,
      );
    });
  }

  it('roll a failing migration back whole', () => {
    const db = openDatabase({ file });
    try {
      const broken = {
        version: 2,
        name: 'broken',
        up(connection: typeof db) {
          connection.exec('CREATE TABLE half_done (x INTEGER)');
          throw new Error('step failed');
        },
      };
      assert.throws(() => migrate(db, [initial, broken]), /step failed/);
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").all();
      assert.deepEqual(tables, []);
      assert.deepEqual(migrate(db, [initial]), { applied: [], version: 1 });
    } finally {
      db.close();
    }
  });

  it('name the database by a data directory, created when missing', () => {
    const dataDir = path.join(dir.path, 'nested', 'data');
    const store = openSqliteStore({ dataDir });
    try {
      assert.equal(store.db.name, path.join(dataDir, 'live-chat.sqlite3'));
    } finally {
      store.close();
    }
    assert.throws(
      () => openSqliteStore({ dataDir, file } as never),
      (error: unknown) => error instanceof StorageError && error.code === 'INVALID_OPTIONS',
    );
  });
});
