/**
 * One transaction's context: the store's records, the time the operation runs at, and what it
 * has changed so far (the numbered events and the new messages it hands over once committed).
 * A new context is made for every run of a transaction, so a store may run one again.
 */
import { viewerFor, type Viewer } from '../domain/access.js';
import type { Attachment } from '../domain/attachments.js';
import type { Id, LiveChat, Message, Session } from '../domain/types.js';
import type { EventInput, IdKind, StoreTransaction, UserEvent } from './port.js';
import { io, type Step } from './steps.js';

/** A message a committed change added, with its session as the change left it. */
export interface AddedMessage {
  message: Message;
  session: Session;
}

/** What one committed write changed, for the transport to deliver. */
export interface CommittedChange {
  /** The events appended to users' streams, in the order they were numbered. */
  events: readonly UserEvent[];
  /** The messages added (operator and customer), in the order they were added. */
  messages: readonly AddedMessage[];
}

/**
 * Values derived from store answers, kept by the engine across transactions and keyed by the
 * answer itself. Store values are immutable, so a store that hands out the same value again (the
 * in-memory one does) gets the derived value without rebuilding it, and a store that answers
 * with fresh values (a SQL store) simply adds new keys that are collected with them.
 */
export class Memo {
  /** Viewers by the membership answer they were built from. */
  readonly viewers = new WeakMap<object, Viewer>();
  /** Operators and supervisors by live chat. */
  readonly members = new WeakMap<LiveChat, ReadonlySet<Id>>();
}

/** The context every rule runs in (see the module comment). */
export class Context {
  readonly events: UserEvent[] = [];
  readonly messages: AddedMessage[] = [];
  private readonly viewers = new Map<Id, Viewer>();
  private readonly chats = new Map<Id, LiveChat | undefined>();
  /**
   * The files the backend accepted for this write's message (resolved from its
   * `attachmentIds` before the transaction; empty for every other write).
   */
  attachments: readonly Attachment[] = [];

  constructor(
    /** The store's records, for this transaction. */
    readonly tx: StoreTransaction,
    /** The time the operation runs at. */
    readonly now: number,
    /** The engine's cache of derived values. */
    readonly memo: Memo = new Memo(),
  ) {}

  /** What the user is, seen from the rules (built once per transaction). */
  *viewer(userId: Id): Step<Viewer> {
    let viewer = this.viewers.get(userId);
    if (!viewer) {
      const memberships = yield* io(this.tx.membershipsOf(userId));
      viewer = this.memo.viewers.get(memberships);
      // A store may share one answer between users (e.g. "no memberships"): check whose it is.
      if (viewer?.userId !== userId) {
        viewer = viewerFor(userId, memberships.liveChats, memberships.groups);
        this.memo.viewers.set(memberships, viewer);
      }
      this.viewers.set(userId, viewer);
    }
    return viewer;
  }

  /** A live chat of the directory (read once per transaction). */
  *liveChat(liveChatId: Id): Step<LiveChat | undefined> {
    if (this.chats.has(liveChatId)) return this.chats.get(liveChatId);
    const chat = yield* io(this.tx.liveChat(liveChatId));
    this.chats.set(liveChatId, chat);
    return chat;
  }

  /** A fresh id. */
  *newId(kind: IdKind): Step<Id> {
    return yield* io(this.tx.newId(kind));
  }

  /** The user's unread count of a session: customer messages above their read marker. */
  *unread(userId: Id, sessionId: Id): Step<number> {
    const marker = yield* io(this.tx.readMarker(userId, sessionId));
    return yield* io(this.tx.customerMessagesAfter(sessionId, marker));
  }

  /** Appends an event to the user's stream (numbered by the store) and remembers it. */
  *emit(userId: Id, input: EventInput): Step<void> {
    const event = yield* io(this.tx.appendEvent(userId, input));
    this.events.push({ userId, event });
  }

  /** The change so far. */
  change(): CommittedChange {
    return { events: this.events, messages: this.messages };
  }
}
