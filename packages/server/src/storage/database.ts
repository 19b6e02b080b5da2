/**
 * Opening the database file: where it lives, and the connection settings every store runs
 * with (WAL, foreign keys, a busy timeout for a second process on the same file).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StorageError } from './errors.js';

/** The database's file name inside a data directory. */
export const DATABASE_FILE_NAME = 'live-chat.sqlite3';

/** Where the database lives: a data directory (created when missing) or a file path. */
export type DatabaseLocation =
  | {
      /** Directory holding the database (`live-chat.sqlite3`, with its WAL files beside it). */
      dataDir: string;
      file?: undefined;
    }
  | {
      /** Path of the database file (`':memory:'` for a private in-memory database). */
      file: string;
      dataDir?: undefined;
    };

/** Connection settings. */
export interface ConnectionOptions {
  /**
   * How hard each commit goes to disk. `normal` (default): in WAL mode a commit survives a crash
   * of the process, and the last commits may be lost on a power failure. `full`: every commit is
   * synced, slower.
   */
  synchronous?: 'normal' | 'full';
  /** How long a write waits for another process holding the write lock, in ms (default 5000). */
  busyTimeoutMs?: number;
}

/** The path of the database file named by `location`. */
export function databaseFile(location: DatabaseLocation): string {
  const { dataDir, file } = location as { dataDir?: unknown; file?: unknown };
  if ((dataDir === undefined) === (file === undefined)) {
    throw new StorageError(
      'INVALID_OPTIONS',
      'Name the database by exactly one of "dataDir" and "file".',
    );
  }
  if (typeof dataDir === 'string' && dataDir.length > 0) {
    fs.mkdirSync(dataDir, { recursive: true });
    return path.join(dataDir, DATABASE_FILE_NAME);
  }
  if (typeof file === 'string' && file.length > 0) return file;
  throw new StorageError('INVALID_OPTIONS', '"dataDir" or "file" must be a non-empty path.');
}

/** Opens (or creates) the database and applies the connection settings. */
export function openDatabase(
  location: DatabaseLocation,
  options: ConnectionOptions = {},
): Database.Database {
  const db = new Database(databaseFile(location), { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    // WAL: readers never block the writer, and a commit is one append to the log.
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
