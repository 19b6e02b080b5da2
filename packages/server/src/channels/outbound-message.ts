/**
 * What an outbound webhook receives for an operator message, built by the store transaction
 * that appends the message (so the queue row commits with it), from what that transaction
 * reads about the message's session and channel.
 */
import type { Customer, Id, Message, User } from '@live-chat/core';

/** The body POSTed to an outbound webhook (see docs/server.md, "Channels"). */
export interface OutboundMessage {
  /** The message id: also in `X-Live-Chat-Delivery`, the same for every attempt. */
  messageId: Id;
  channelId: string;
  sessionId: Id;
  liveChatId: Id;
  customer: { id: Id; externalId: string; name: string };
  operator: { id: Id; name: string };
  /** The text; may be empty when the message carries files. */
  text: string;
  sentAt: number;
  /** The files of the message, each with a signed `url` that expires (absent: none). */
  attachments?: OutboundAttachment[];
}

/** A file of an outbound message. */
export interface OutboundAttachment {
  id: Id;
  /** The name the operator gave (cleaned). */
  name: string;
  /** The type the server read from the bytes. */
  type: string;
  /** Size in bytes. */
  size: number;
  /**
   * Where to fetch the bytes without a token, until the link expires (signed for this channel;
   * made anew for every attempt, so it is absent from the queued body).
   */
  url?: string;
}

/** The endpoint with an outbound webhook serving a message's session, and its customer. */
export interface OutboundTarget {
  /** The endpoint's id. */
  channelId: string;
  liveChatId: Id;
  customerId: Id;
  /** The customer, as the directory has them. */
  customer: Customer | undefined;
  /** The account the customer was linked to by an inbound message of the endpoint, if any. */
  externalId: string | null;
}

/** A row of the outbound queue, as a store inserts it. */
export interface OutboxEntry {
  messageId: Id;
  channelId: string;
  /** The JSON of the {@link OutboundMessage}. */
  body: string;
  /** When it is due first: when the message was sent. */
  at: number;
}

/** The queue row of an operator message of `target`'s session, written by `operator`. */
export function outboxEntry(
  message: Message,
  target: OutboundTarget,
  operator: User | undefined,
): OutboxEntry {
  const { customer } = target;
  const body: OutboundMessage = {
    messageId: message.id,
    channelId: target.channelId,
    sessionId: message.sessionId,
    liveChatId: target.liveChatId,
    customer: {
      id: target.customerId,
      externalId:
        target.externalId ?? (customer?.kind === 'external' ? customer.account : target.customerId),
      name: customer?.name ?? '',
    },
    operator: { id: operator?.id ?? '', name: operator?.name ?? '' },
    text: message.text,
    sentAt: message.sentAt,
  };
  if (message.attachments?.length) {
    body.attachments = message.attachments.map(({ id, name, type, size }) => ({
      id,
      name,
      type,
      size,
    }));
  }
  return {
    messageId: message.id,
    channelId: target.channelId,
    body: JSON.stringify(body),
    at: message.sentAt,
  };
}
