import type { ErrorInfo, MessageView } from '@live-chat/core';

/** What the composer knows about one send when its result arrives. */
export interface SendRecord {
  /** The text sent, as validated (trailing blanks removed). */
  text: string;
  /** The `clientMessageId`s the conversation held just before the send. */
  before: ReadonlySet<string>;
  /** The `clientMessageId` the result names, when it names one. */
  clientMessageId?: string;
}

/** The `clientMessageId` a failed send's error names in its details, if any. */
export function clientMessageIdOf(error: ErrorInfo): string | undefined {
  const id = error.details?.['clientMessageId'];
  return typeof id === 'string' ? id : undefined;
}

/** The `clientMessageId`s of a conversation's messages. */
export function clientMessageIds(messages: readonly MessageView[]): Set<string> {
  const ids = new Set<string>();
  for (const message of messages) {
    if (message.clientMessageId !== undefined) ids.add(message.clientMessageId);
  }
  return ids;
}

/**
 * The message a send created, as the conversation shows it once the send has answered: the
 * one with the `clientMessageId` the result names; without one, the newest message with the
 * sent text whose `clientMessageId` was not in the conversation before the send. Matching on
 * the id (never on the text alone) keeps an older failed message with the same words from
 * passing for this one.
 */
export function messageOfSend(
  messages: readonly MessageView[],
  send: SendRecord,
): MessageView | undefined {
  if (send.clientMessageId !== undefined) {
    return messages.find((m) => m.clientMessageId === send.clientMessageId);
  }
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    const id = message.clientMessageId;
    if (id !== undefined && !send.before.has(id) && message.text.trimEnd() === send.text) {
      return message;
    }
  }
  return undefined;
}
