/**
 * The customer side of the memory backend: a customer writing in (which creates, continues or
 * reopens their session and alerts the live chat's operators) and new customers appearing.
 * These are not operator commands; demos, the simulator and tests drive them.
 */
import { fail, ok, transition, validateMessageText } from '@live-chat/core';
import type {
  Channel,
  Customer,
  Id,
  Message,
  Result,
  Session,
  SessionChangeCause,
} from '@live-chat/core';
import {
  assignedTo,
  buildMessage,
  defaultSessionName,
  queuedFor,
  recordTaken,
  requireId,
  withLastMessage,
  type Engine,
} from './engine.js';

/** A message from a customer to a live chat. */
export interface CustomerMessageInput {
  customerId: Id;
  liveChatId: Id;
  /** The channel it came through; must be one of the live chat's channels. */
  channel: Channel;
  text: string;
  /** Idempotency key of the message: a repeated write with the same key is not stored twice. */
  clientMessageId?: string;
}

/** What a customer write did. */
export interface CustomerWriteValue {
  session: Session;
  message: Message;
  /** `created`: a new session; `reopened`: a closed one came back; `message`: appended to an open one. */
  cause: Extract<SessionChangeCause, 'created' | 'reopened' | 'message'>;
}

/** A customer to add; the id is generated when absent. */
export type NewCustomer = Customer extends infer C
  ? C extends Customer
    ? Omit<C, 'id'> & { id?: Id }
    : never
  : never;

/** Appends a customer message, creating or reopening the session as the state machine says. */
export function customerWrites(
  engine: Engine,
  input: CustomerMessageInput,
): Result<CustomerWriteValue> {
  const { store } = engine;
  const customer = store.customers.get(input.customerId);
  if (!customer) return fail('NOT_FOUND', `There is no customer "${input.customerId}".`);
  const chat = store.liveChats.get(input.liveChatId);
  if (!chat) return fail('NOT_FOUND', `There is no live chat "${input.liveChatId}".`);
  if (!chat.channels.includes(input.channel)) {
    return fail('VALIDATION', `Live chat "${chat.name}" is not connected to ${input.channel}.`, {
      channel: input.channel,
      allowed: chat.channels,
    });
  }
  const text = validateMessageText(input.text);
  if (!text.ok) return text;
  if (input.clientMessageId !== undefined) {
    const key = requireId(input.clientMessageId, 'clientMessageId');
    if (!key.ok) return key;
  }

  const latest = store.latestSessionOf(customer.id, chat.id);
  if (latest && input.clientMessageId !== undefined) {
    const existing = store.messageByClientId(latest.id, input.clientMessageId);
    if (existing) return ok({ session: latest, message: existing, cause: 'message' });
  }

  const now = engine.now();
  const verdict = transition(latest?.status ?? null, 'customer-writes');
  if (!verdict.ok) return verdict;

  let before: Session | undefined = latest;
  let base: Session;
  let cause: CustomerWriteValue['cause'];
  if (!latest) {
    cause = 'created';
    base = {
      id: store.newId('s'),
      liveChatId: chat.id,
      customerId: customer.id,
      name: defaultSessionName(customer, input.channel),
      channel: input.channel,
      status: 'queued',
      assignee: null,
      firstMessageAt: now,
      lastMessageAt: now,
      lastMessagePreview: '',
      lastMessageOrder: 0,
      queuedAt: now,
      lastOperatorId: null,
      bindings: [],
    };
    before = undefined;
  } else if (latest.status === 'closed') {
    cause = 'reopened';
    // Policy: straight back to the last operator, if they still operate this live chat.
    const lastOperator = latest.lastOperatorId;
    base =
      chat.reopenToLastOperator && lastOperator !== null && chat.operatorIds.includes(lastOperator)
        ? assignedTo(latest, lastOperator)
        : queuedFor(latest, null, now);
  } else {
    cause = 'message';
    base = latest;
  }

  const message = buildMessage(
    engine,
    base,
    { kind: 'customer', customerId: customer.id },
    text.value,
    input.channel,
    input.clientMessageId,
  );
  const after = withLastMessage(base, message);
  if (cause !== 'message') {
    store.addEpisode({
      sessionId: after.id,
      liveChatId: chat.id,
      origin: 'customer',
      startedAt: now,
    });
    if (after.status === 'active' && after.assignee?.kind === 'operator') {
      recordTaken(engine, after.id, after.assignee.operatorId);
    }
  }
  store.appendMessage(message);
  store.putSession(after);
  engine.fanout.session(before, after, cause, message);
  engine.fanout.alert(after, message, customer.name);
  return ok({ session: after, message, cause });
}

/** Adds a customer to the directory (or replaces one with the same id) and tells all staff. */
export function addCustomer(engine: Engine, input: NewCustomer): Result<Customer> {
  if (typeof input.name !== 'string' || input.name.trim().length === 0) {
    return fail('VALIDATION', 'A customer needs a name.');
  }
  if (
    input.kind === 'external' &&
    (typeof input.account !== 'string' || input.account.length === 0)
  ) {
    return fail('VALIDATION', 'An external customer needs an account handle.');
  }
  if (input.kind === 'internal' && !engine.store.users.has(input.userId)) {
    return fail('NOT_FOUND', `There is no user "${input.userId}".`);
  }
  const customer = { ...input, id: input.id ?? engine.store.newId('cust') } as Customer;
  engine.store.putCustomer(customer);
  engine.fanout.customer(customer);
  return ok(customer);
}
