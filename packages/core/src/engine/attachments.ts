/**
 * Where a backend keeps the files attached to messages: an interface, so a deployment can put
 * them in object storage, and the in-memory implementation the memory backend and tests use.
 * The rules around it (who may send and fetch which file) live in `EngineBackend`.
 */
import type { Attachment } from '../domain/attachments.js';
import type { Id } from '../domain/types.js';

/** Who uploaded a file: a user of the workspace, or a customer through a channel. */
export type AttachmentOwner = { kind: 'user'; userId: Id } | { kind: 'customer'; customerId: Id };

/** What a backend keeps about a stored file besides its {@link Attachment}. */
export interface StoredAttachment {
  attachment: Attachment;
  owner: AttachmentOwner;
  /** When it was uploaded (ms since the epoch). */
  uploadedAt: number;
  /** The session whose message carries it; absent until it was sent. */
  sessionId?: Id;
}

/**
 * A place for attachments' bytes and records. Reads of records (`get`) and `link` may answer at
 * once or with a promise; a backend over a synchronous store needs them to answer at once.
 */
export interface AttachmentStorage {
  /** Stores a new file's bytes and record. */
  put(record: StoredAttachment, bytes: Uint8Array): Promise<void>;
  /** The record of a file, `undefined` when there is none. */
  get(attachmentId: Id): StoredAttachment | undefined | Promise<StoredAttachment | undefined>;
  /** The bytes of a file, `undefined` when there are none. */
  read(attachmentId: Id): Promise<Uint8Array | undefined>;
  /** Records that the file was sent in `sessionId`. */
  link(attachmentId: Id, sessionId: Id): void | Promise<void>;
}

/** An {@link AttachmentStorage} in this process's memory (bounded by what callers upload). */
export class MemoryAttachmentStorage implements AttachmentStorage {
  private readonly records = new Map<Id, StoredAttachment>();
  private readonly bytes = new Map<Id, Uint8Array>();

  /** Stores a copy of the bytes. */
  put(record: StoredAttachment, bytes: Uint8Array): Promise<void> {
    this.records.set(record.attachment.id, { ...record });
    this.bytes.set(record.attachment.id, bytes.slice());
    return Promise.resolve();
  }

  /** The record, at once. */
  get(attachmentId: Id): StoredAttachment | undefined {
    return this.records.get(attachmentId);
  }

  /** A copy of the bytes. */
  read(attachmentId: Id): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.bytes.get(attachmentId)?.slice());
  }

  /** Links at once. */
  link(attachmentId: Id, sessionId: Id): void {
    const record = this.records.get(attachmentId);
    if (record) this.records.set(attachmentId, { ...record, sessionId });
  }
}
