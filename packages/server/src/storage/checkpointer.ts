/**
 * WAL checkpoints off the request path. By default SQLite checkpoints inside whichever commit
 * pushes the WAL past 1,000 pages: that commit copies the log into the database file and syncs
 * it, which stalls the one thread that serves every request for tens of ms. Instead, the
 * store's connection does not checkpoint by itself, and a worker thread with its own
 * connection to the same file runs a passive checkpoint every `intervalMs` (a passive
 * checkpoint never waits for readers or writers). When the worker is gone (it failed, or the
 * file cannot be opened twice), the connection checkpoints by itself again, as SQLite would.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the worker checkpoints by default, in ms. */
export const CHECKPOINT_INTERVAL_MS = 1_000;

/** SQLite's own threshold, restored when the worker is gone. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1_000;

// Plain JavaScript run by the worker: opens the file and checkpoints on a timer until told to stop.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage({ error: String(error) }); }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
parentPort.postMessage({ ready: true });
`;

/** A running checkpointer (see the module comment). */
export interface Checkpointer {
  /** Stops the worker after a last checkpoint; the connection checkpoints by itself again. */
  stop(): Promise<void>;
}

/** Options of {@link startCheckpointer}. */
export interface CheckpointerOptions {
  /** How often to checkpoint, in ms (default {@link CHECKPOINT_INTERVAL_MS}). */
  intervalMs?: number;
  /** Busy timeout of the worker's connection, in ms (default 5,000). */
  busyTimeoutMs?: number;
  /** Called with a failure of the worker (the connection then checkpoints by itself). */
  onError?: (error: unknown) => void;
}

/**
 * Moves the checkpoints of `db` (a WAL database file) to a worker thread. Nothing changes for
 * an in-memory database.
 */
export function startCheckpointer(
  db: Database.Database,
  options: CheckpointerOptions = {},
): Checkpointer {
  if (db.memory) return { stop: () => Promise.resolve() };
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver,
      file: db.name,
      intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS,
      busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
    },
  });
  worker.unref();
  const selfCheckpointing = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  };
  db.pragma('wal_autocheckpoint = 0');
  let running = true;
  worker.on('message', (message: { error?: string }) => {
    if (message.error !== undefined) options.onError?.(new Error(message.error));
  });
  worker.once('error', (error) => {
    running = false;
    selfCheckpointing();
    options.onError?.(error);
  });
  worker.once('exit', () => {
    if (!running) return;
    running = false;
    selfCheckpointing();
  });
  return {
    stop() {
      if (!running) return Promise.resolve();
      running = false;
      selfCheckpointing();
      return new Promise<void>((resolve) => {
        worker.ref(); // the last checkpoint keeps the process alive until it is done
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      });
    },
  };
}
