/**
 * How the SQLite and PostgreSQL backends are told where attachments live and what they accept:
 * a directory (files on disk), or a storage of the deployment's own (e.g. object storage), and
 * the policy.
 */
import type { AttachmentPolicy } from '@live-chat/core';
import { DiskAttachmentStorage, type ServerAttachmentStorage } from './disk-storage.js';
import { resolveAttachmentPolicy } from './policy.js';

/** The `attachments` option of `createSqliteBackend` and `createPostgresBackend`. */
export interface BackendAttachmentOptions {
  /**
   * The directory files are kept in (see `DiskAttachmentStorage`). SQLite's default is
   * `attachments` beside the database; PostgreSQL has none: give a directory every instance
   * shares, or a `storage`.
   */
  dir?: string;
  /** Where files are kept instead of a directory (e.g. object storage); wins over `dir`. */
  storage?: ServerAttachmentStorage;
  /** What uploads must meet; every field defaults to `DEFAULT_ATTACHMENT_POLICY`'s. */
  policy?: Partial<AttachmentPolicy>;
}

/** The storage and the checked policy a backend runs with. */
export interface ResolvedAttachments {
  storage: ServerAttachmentStorage;
  policy: AttachmentPolicy;
}

/**
 * The attachments of a backend: `undefined` when `options` is `false`, or when it names
 * neither a storage nor a directory and there is no `defaultDir`. Throws a `TypeError` for a
 * bad policy.
 */
export function resolveBackendAttachments(
  options: BackendAttachmentOptions | false | undefined,
  defaultDir: string | undefined,
): ResolvedAttachments | undefined {
  if (options === false) return undefined;
  const policy = resolveAttachmentPolicy(options?.policy);
  const dir = options?.dir ?? defaultDir;
  const storage =
    options?.storage ?? (dir === undefined ? undefined : new DiskAttachmentStorage(dir));
  return storage ? { storage, policy } : undefined;
}
