/**
 * Attachments on disk: the bytes of each file and a small JSON record beside them, under one
 * directory (by default `attachments/` in the server's data directory). It is the
 * `AttachmentStorage` of `@live-chat/core/engine`, the interface a deployment replaces to keep
 * files in object storage instead.
 *
 * - Every write goes to a temporary file in the same directory, is synced, then renamed over
 *   the final name: a reader sees the whole old file or the whole new one, never a part.
 * - Records are read and linked synchronously (a few hundred bytes each), so the storage works
 *   under the SQLite backend, whose every call answers at once; bytes are read and written
 *   asynchronously.
 * - Ids are checked against the one form the engine gives them (`f-` and a UUID) before they
 *   touch a path: `../x`, an absolute path or anything else names no file.
 *
 * Files are spread over 256 subdirectories by the first two hex digits of their UUID.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Id } from '@live-chat/core';
import type { AttachmentStorage, StoredAttachment } from '@live-chat/core/engine';

/** The form of an attachment id: `f-` and a lower-case UUID. */
export const ATTACHMENT_ID = /^f-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `value` is an attachment id (see {@link ATTACHMENT_ID}). */
export function isAttachmentId(value: unknown): value is Id {
  return typeof value === 'string' && ATTACHMENT_ID.test(value);
}

/**
 * An `AttachmentStorage` the server can also clean up after: `remove` drops a file that was
 * stored but never became part of a message (e.g. a channel message refused after its files
 * were stored). Storages without it leave such files behind.
 */
export interface ServerAttachmentStorage extends AttachmentStorage {
  /** Removes a file's bytes and record; nothing happens for an unknown id. */
  remove?(attachmentId: Id): Promise<void>;
}

/** Whether `value` looks like a record this storage wrote. */
function isRecord(value: unknown): value is StoredAttachment {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<StoredAttachment>;
  return (
    typeof record.attachment === 'object' &&
    record.attachment !== null &&
    isAttachmentId(record.attachment.id) &&
    typeof record.owner === 'object' &&
    record.owner !== null &&
    typeof record.uploadedAt === 'number'
  );
}

/** Writes `text` to `file` through a synced temporary file renamed over it. */
function writeAtomicallySync(file: string, text: string): void {
  const temporary = `${file}.${randomUUID()}.tmp`;
  const handle = fs.openSync(temporary, 'wx', 0o600);
  try {
    fs.writeFileSync(handle, text);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** The asynchronous {@link writeAtomicallySync}, for bytes. */
async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  const handle = await fs.promises.open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}

/** Files on disk under one directory (see the module comment). */
export class DiskAttachmentStorage implements ServerAttachmentStorage {
  /** The directory the files live under (absolute). */
  readonly directory: string;

  /** Keeps files under `directory`, created when the first file is stored. */
  constructor(directory: string) {
    if (typeof directory !== 'string' || directory.length === 0) {
      throw new TypeError('The attachments directory must be a non-empty path.');
    }
    this.directory = path.resolve(directory);
  }

  /** The paths of a file's bytes and record; throws for anything that is not an id. */
  private pathsOf(attachmentId: Id): { bytes: string; record: string; dir: string } {
    if (!isAttachmentId(attachmentId)) {
      throw new TypeError(`"${String(attachmentId).slice(0, 60)}" is not an attachment id.`);
    }
    const dir = path.join(this.directory, attachmentId.slice(2, 4));
    return {
      dir,
      bytes: path.join(dir, `${attachmentId}.bin`),
      record: path.join(dir, `${attachmentId}.json`),
    };
  }

  /** Stores the bytes, then the record (a record never names bytes that are not there). */
  async put(record: StoredAttachment, bytes: Uint8Array): Promise<void> {
    const paths = this.pathsOf(record.attachment.id);
    await fs.promises.mkdir(paths.dir, { recursive: true, mode: 0o700 });
    await writeAtomically(paths.bytes, bytes);
    writeAtomicallySync(paths.record, JSON.stringify(record));
  }

  /** The record, read at once; `undefined` for an unknown or malformed id. */
  get(attachmentId: Id): StoredAttachment | undefined {
    if (!isAttachmentId(attachmentId)) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(this.pathsOf(attachmentId).record, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const record: unknown = JSON.parse(text);
    return isRecord(record) && record.attachment.id === attachmentId ? record : undefined;
  }

  /** The bytes; `undefined` for an unknown or malformed id. */
  async read(attachmentId: Id): Promise<Uint8Array | undefined> {
    if (!isAttachmentId(attachmentId)) return undefined;
    try {
      const bytes = await fs.promises.readFile(this.pathsOf(attachmentId).bytes);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Records the session the file was sent in, at once (the record is rewritten whole). */
  link(attachmentId: Id, sessionId: Id): void {
    const record = this.get(attachmentId);
    if (!record || record.sessionId === sessionId) return;
    writeAtomicallySync(
      this.pathsOf(attachmentId).record,
      JSON.stringify({ ...record, sessionId }),
    );
  }

  /** Removes the record, then the bytes. */
  async remove(attachmentId: Id): Promise<void> {
    if (!isAttachmentId(attachmentId)) return;
    const paths = this.pathsOf(attachmentId);
    await fs.promises.rm(paths.record, { force: true });
    await fs.promises.rm(paths.bytes, { force: true });
  }
}
