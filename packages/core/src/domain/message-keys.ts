/**
 * Idempotency keys of messages, namespaced by sender. Operators' clients choose a message's
 * `clientMessageId`; so does the customer side (a channel derives it from the provider's message
 * id). The engine stores a customer's key under {@link CUSTOMER_KEY_PREFIX} and refuses operator
 * keys that start with it, so the two never meet: an operator's key can never swallow a
 * customer's message as a "repeat", nor the other way round. (`commandId`s are kept per user.)
 */
import { FIELD_LIMITS } from './limits.js';

/** The namespace of customers' message keys, e.g. `customer:telegram-bot:4711`. */
export const CUSTOMER_KEY_PREFIX = 'customer:';

/** The stored `clientMessageId` of a customer's message sent with `key`. */
export function customerMessageKey(key: string): string {
  return `${CUSTOMER_KEY_PREFIX}${key}`;
}

/** Whether a key lies in the customers' namespace (so an operator may not use it). */
export function isCustomerMessageKey(key: string): boolean {
  return key.startsWith(CUSTOMER_KEY_PREFIX);
}

/** Longest stored `clientMessageId`: an id, plus the customers' namespace. */
export const MAX_MESSAGE_KEY_LENGTH = FIELD_LIMITS.id + CUSTOMER_KEY_PREFIX.length;
