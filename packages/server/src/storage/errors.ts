/**
 * Errors of the SQLite storage: typed values with a `code` a host can branch on (e.g. refuse to
 * start on a database written by a newer release) and a message a person can read.
 */

/** What went wrong with the database itself (not a refused command: those are `Result`s). */
export type StorageErrorCode =
  /** The store was closed; nothing more can be read or written through it. */
  | 'CLOSED'
  /** The database was migrated by a newer release than this one (it has unknown migrations). */
  | 'SCHEMA_TOO_NEW'
  /** An applied migration does not match the one of the same version in this release. */
  | 'SCHEMA_MISMATCH'
  /** The options name no database, or name it twice. */
  | 'INVALID_OPTIONS';

/** An error of the SQLite storage. */
export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    /** What went wrong, to branch on. */
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
