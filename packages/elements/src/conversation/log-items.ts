import type { MessageView } from '@live-chat/core';

/** One entry of the message log: a day separator or a message, with a key stable across renders. */
export type LogItem =
  { kind: 'day'; key: string; at: number } | { kind: 'message'; key: string; message: MessageView };

/** Stable key of a message across pending → sent (the server id replaces a local one). */
export function messageKey(message: MessageView): string {
  return message.clientMessageId ?? message.id;
}

function dayOf(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/**
 * The log's entries in order: each message, preceded by a separator where a new day starts. A
 * separator's key names the message it stands before, so an older page of the same day brings a
 * new separator above it rather than moving the old one away from its place.
 */
export function logItems(messages: readonly MessageView[]): LogItem[] {
  const items: LogItem[] = [];
  let day: string | undefined;
  for (const message of messages) {
    const key = messageKey(message);
    const thisDay = dayOf(message.sentAt);
    if (thisDay !== day) {
      day = thisDay;
      items.push({ kind: 'day', key: `day:${key}`, at: message.sentAt });
    }
    items.push({ kind: 'message', key, message });
  }
  return items;
}
