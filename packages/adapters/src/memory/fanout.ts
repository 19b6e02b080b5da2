/**
 * Turns one committed change into events on the streams of the users it concerns. Only members
 * of the session's live chat can see a session, so each change costs O(members), and each user
 * gets what their view needs: an upsert (with their unread count) when they can see the session
 * after the change, a removal when they could see it before but no longer can.
 */
import { canView, previewOf } from '@live-chat/core';
import type {
  ActivityEntry,
  Alert,
  Customer,
  Id,
  Message,
  Session,
  SessionChangeCause,
} from '@live-chat/core';
import type { MemoryStore } from './store.js';
import type { UserStreams } from './streams.js';

/** Receives each new message once its change is committed. */
export type MessageListener = (message: Message, session: Session) => void;

/** Emits each committed change to the streams of the users it concerns. */
export class Fanout {
  /** Messages added by the write in progress, handed to listeners when it completes. */
  private added: { message: Message; session: Session }[] = [];

  constructor(
    private readonly store: MemoryStore,
    private readonly streams: UserStreams,
  ) {}

  /** Takes the messages added since the last call (the backend notifies its listeners with them). */
  takeAddedMessages(): { message: Message; session: Session }[] {
    const added = this.added;
    this.added = [];
    return added;
  }

  /**
   * Reports that `before` (absent for a new session) became `after`, optionally because
   * `message` was added. Call after the store holds the new state, so unread counts are final.
   */
  session(
    before: Session | undefined,
    after: Session,
    cause: SessionChangeCause,
    message?: Message,
  ): void {
    for (const userId of this.store.membersOf(after.liveChatId)) {
      const viewer = this.store.viewer(userId);
      if (canView(viewer, after)) {
        const unread = this.store.unreadOf(userId, after.id);
        this.streams.emit(userId, { type: 'session.upserted', session: after, unread, cause });
        if (message) this.streams.emit(userId, { type: 'message.added', message, unread });
      } else if (before !== undefined && canView(viewer, before)) {
        this.streams.emit(userId, { type: 'session.removed', sessionId: after.id });
      }
    }
    if (message) this.added.push({ message, session: after });
  }

  /** Alerts every operator of the live chat (supervisors only when they also operate it). */
  alert(session: Session, message: Message, customerName: string): void {
    const chat = this.store.liveChats.get(session.liveChatId);
    if (!chat) return;
    const alert: Alert = {
      id: `alert-${message.id}`,
      sessionId: session.id,
      liveChatId: session.liveChatId,
      messageId: message.id,
      customerName,
      preview: previewOf(message.text),
      channel: message.channel,
      at: message.sentAt,
    };
    for (const operatorId of chat.operatorIds)
      this.streams.emit(operatorId, { type: 'alert', alert });
  }

  /** Stores the entry in each recipient's activity stream and tells them. */
  activity(recipients: Iterable<Id>, entry: ActivityEntry): void {
    for (const userId of new Set(recipients)) {
      this.store.addActivity(userId, entry);
      this.streams.emit(userId, { type: 'activity.added', entry });
    }
  }

  /** Tells the user their unread count of the session changed. */
  read(userId: Id, sessionId: Id): void {
    this.streams.emit(userId, {
      type: 'session.read',
      sessionId,
      unread: this.store.unreadOf(userId, sessionId),
    });
  }

  /** Customers are part of every staff member's directory. */
  customer(customer: Customer): void {
    for (const userId of this.store.staff())
      this.streams.emit(userId, { type: 'customer.upserted', customer });
  }
}
