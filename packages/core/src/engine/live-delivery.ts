/**
 * Live delivery of committed changes in one process: each user's listeners get their events in
 * seq order, message listeners get each new message once. It is what an engine's `onCommit`
 * hands to; nothing in it depends on the store, so every backend (memory, SQLite) shares it.
 */
import type { Id, Message, Session } from '../domain/types.js';
import type { TypingSignal } from '../protocol/adapter.js';
import type { ServerEvent } from '../protocol/events.js';
import type { CommittedChange } from './context.js';

/** Receives one user's live events, synchronously, in seq order. */
export type EventListener = (event: ServerEvent) => void;

/** Receives each new message once its change is committed. */
export type MessageListener = (message: Message, session: Session) => void;

/** Listeners per user and of new messages, and the order they are told in. */
export class LiveDelivery {
  private readonly listeners = new Map<Id, Set<EventListener>>();
  private readonly messageListeners = new Set<MessageListener>();
  private readonly typingListeners = new Map<Id, Set<(signal: TypingSignal) => void>>();
  /** Committed changes not yet delivered, oldest first. */
  private readonly undelivered: CommittedChange[] = [];
  private delivering = false;

  /** Calls `listener` with each new event of `userId`; returns the function that stops it. */
  listen(userId: Id, listener: EventListener): () => void {
    return addListener(this.listeners, userId, listener);
  }

  /** Calls `listener` with each typing signal for `userId`; returns the function that stops it. */
  listenTyping(userId: Id, listener: (signal: TypingSignal) => void): () => void {
    return addListener(this.typingListeners, userId, listener);
  }

  /** Hands a typing signal to the typing listeners of each of `userIds`. */
  deliverTyping(userIds: readonly Id[], signal: TypingSignal): void {
    for (const userId of userIds) {
      const listeners = this.typingListeners.get(userId);
      if (listeners) for (const listener of [...listeners]) listener(signal);
    }
  }

  /** Calls `listener` after each new message; returns the function that stops it. */
  onMessage(listener: MessageListener): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /**
   * Delivers a committed change: its events to their users' listeners, then its messages. A
   * listener may write again: that write's change waits behind the rest of this one, so every
   * user's listeners still see their events in seq order.
   */
  deliver(change: CommittedChange): void {
    this.undelivered.push(change);
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let next = this.undelivered.shift(); next; next = this.undelivered.shift()) {
        for (const { userId, event } of next.events) {
          const listeners = this.listeners.get(userId);
          if (listeners) for (const listener of [...listeners]) listener(event);
        }
        for (const { message, session } of next.messages) {
          for (const listener of [...this.messageListeners]) listener(message, session);
        }
      }
    } finally {
      this.delivering = false;
      this.undelivered.length = 0;
    }
  }

  /** Forgets every listener. */
  clear(): void {
    this.listeners.clear();
    this.messageListeners.clear();
    this.typingListeners.clear();
  }
}

/**
 * Adds `listener` to the set of `userId` in `byUser`; returns the function that removes it (and
 * the set, once it is empty and still the user's).
 */
function addListener<L>(byUser: Map<Id, Set<L>>, userId: Id, listener: L): () => void {
  let listeners = byUser.get(userId);
  if (!listeners) byUser.set(userId, (listeners = new Set()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && byUser.get(userId) === listeners) byUser.delete(userId);
  };
}
