/**
 * What the SQLite and PostgreSQL transactions share: a transaction is valid only while its
 * store's transaction runs; the directory is read from the store's in-memory view; generated
 * ids and the trimming of event logs follow one scheme.
 */
import type { Id, LiveChat, OperatorGroup, User } from '@live-chat/core';
import { ID_PREFIXES } from '@live-chat/core/engine';
import type { DirectoryView, IdKind, Memberships } from '@live-chat/core/engine';
import { StorageError } from './errors.js';
import type { StoreSettings } from './retention.js';

/** Prefix of generated ids per kind, e.g. `s-42` for a session (as in the memory store). */

/** The common part of a SQL store's transaction (see the module comment). */
export abstract class TransactionBase {
  private open = true;

  /** A transaction of a store with these settings. */
  protected constructor(protected readonly settings: StoreSettings) {}

  /** Ends this transaction's validity (the store calls it when the transaction ends). */
  close(): void {
    this.open = false;
  }

  /** Throws `CLOSED` once the transaction ended. */
  protected check(): void {
    if (!this.open) {
      throw new StorageError('CLOSED', 'This transaction has ended; use the store for a new one.');
    }
  }

  /** The directory as this transaction sees it. */
  protected abstract directoryView(): DirectoryView;

  private readDirectory(): DirectoryView {
    this.check();
    return this.directoryView();
  }

  /** The id of the `number`th record the store generated, as a record of `kind`. */
  protected idOf(kind: IdKind, number: number): Id {
    return `${this.settings.idPrefix}${ID_PREFIXES[kind]}-${number}`;
  }

  /**
   * The new oldest seq of a user's log once appending `seq` made it outgrow its limit by a
   * batch, or `undefined` while it keeps everything. Trimming in batches costs one statement
   * per many events.
   */
  protected trimmedOldestSeq(seq: number, oldestSeq: number): number | undefined {
    const limit = this.settings.eventsPerUser;
    const retained = seq - oldestSeq + 1;
    return retained > limit + Math.max(1, Math.floor(limit / 4)) ? seq - limit + 1 : undefined;
  }

  // ── directory ────────────────────────────────────────────────────────────────────────────

  /** A user of the directory. */
  user(userId: Id): User | undefined {
    return this.readDirectory().user(userId);
  }

  /** Every user of the directory. */
  users(): Iterable<User> {
    return this.readDirectory().users();
  }

  /** A live chat by id. */
  liveChat(liveChatId: Id): LiveChat | undefined {
    return this.readDirectory().liveChat(liveChatId);
  }

  /** Every live chat, in directory order. */
  liveChats(): Iterable<LiveChat> {
    return this.readDirectory().liveChats();
  }

  /** An operator group by id. */
  group(groupId: Id): OperatorGroup | undefined {
    return this.readDirectory().group(groupId);
  }

  /** Every operator group, in directory order. */
  groups(): Iterable<OperatorGroup> {
    return this.readDirectory().groups();
  }

  /** The live chats the user operates or supervises and the groups they are a member of. */
  membershipsOf(userId: Id): Memberships {
    return this.readDirectory().membershipsOf(userId);
  }

  /** Every operator and supervisor of any live chat. */
  staffIds(): Iterable<Id> {
    return this.readDirectory().staffIds();
  }
}
