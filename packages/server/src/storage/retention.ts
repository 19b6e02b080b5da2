/**
 * Retention: how long a store (SQLite or PostgreSQL) keeps what only serves retries and
 * resumes, and the options that set it, checked the same way for both.
 */
import { StorageError } from './errors.js';

/** How long a store keeps what only serves retries and resumes. */
export interface StoreRetention {
  /**
   * Events each user's log keeps for `events(sinceSeq)` (default 10,000; trimmed in batches, so
   * a little more may be kept). Asking from before the oldest kept one answers
   * `RESYNC_REQUIRED`, and the client takes a new snapshot.
   */
  eventsPerUser?: number;
  /** Events older than this many ms are dropped by the store's `prune()` (default: none). */
  eventMaxAgeMs?: number;
  /**
   * How long a `commandId` answers with its first result, in ms (default 7 days): a client
   * retrying a command later than that runs it again.
   */
  commandResultMaxAgeMs?: number;
  /** Activity entries each user keeps (default 500). */
  activityPerUser?: number;
}

/** Defaults of {@link StoreRetention}. */
export const DEFAULT_RETENTION = Object.freeze({
  eventsPerUser: 10_000,
  commandResultMaxAgeMs: 7 * 24 * 60 * 60 * 1000,
  activityPerUser: 500,
});

/** A store's settings as its transactions see them: options checked, defaults filled in. */
export interface StoreSettings {
  /** Prefix of generated ids. */
  idPrefix: string;
  /** Events each user's log keeps. */
  eventsPerUser: number;
  /** Activity entries each user keeps. */
  activityPerUser: number;
  /** Command results older than this (relative to a new one) are dropped. */
  commandResultMaxAgeMs: number;
  /** Events older than this many ms are dropped by `prune()` (`undefined`: never). */
  eventMaxAgeMs: number | undefined;
  /** The store's clock (event times, for retention by age). */
  now: () => number;
}

/** A positive whole number option named `name`, or its default; `INVALID_OPTIONS` otherwise. */
export function wholeOption(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new StorageError('INVALID_OPTIONS', `"${name}" must be a whole number, 1 or more.`);
  }
  return value;
}

/** What every SQL store takes besides where its database is. */
export interface SqlStoreOptions {
  /** How long the store keeps what only serves retries and resumes. */
  retention?: StoreRetention;
  /** Prefix of generated ids (e.g. `'eu-'`), to keep ids of several stores apart. */
  idPrefix?: string;
  /** The clock of event times, for retention by age (default `Date.now`). */
  now?: () => number;
}

/** Checks a store's options and fills in the defaults (`INVALID_OPTIONS` when one is wrong). */
export function storeSettings(options: SqlStoreOptions): StoreSettings {
  const retention = options.retention ?? {};
  const { eventMaxAgeMs } = retention;
  if (eventMaxAgeMs !== undefined && !(eventMaxAgeMs > 0)) {
    throw new StorageError('INVALID_OPTIONS', '"retention.eventMaxAgeMs" must be above 0.');
  }
  const limit = (name: keyof typeof DEFAULT_RETENTION) =>
    wholeOption(retention[name], DEFAULT_RETENTION[name], `retention.${name}`);
  return {
    idPrefix: options.idPrefix ?? '',
    eventsPerUser: limit('eventsPerUser'),
    activityPerUser: limit('activityPerUser'),
    commandResultMaxAgeMs: limit('commandResultMaxAgeMs'),
    eventMaxAgeMs,
    now: options.now ?? Date.now,
  };
}
