/**
 * The customer side: a customer writing in (which creates, continues or reopens their session
 * and alerts the live chat's operators) and new customers appearing. These are not operator
 * commands; channels (webhooks, a widget), demos, simulators and tests drive them.
 */
import { fail, ok, type Result } from '../domain/errors.js';
import { transition } from '../domain/state-machine.js';
import type { Channel, ChannelDelivery, Customer, Id, Message, Session } from '../domain/types.js';
import { validateMessageText } from '../domain/validation.js';
import type { SessionChangeCause } from '../protocol/events.js';
import type { Context } from './context.js';
import { fanOutAlert, fanOutCustomer, fanOutMessageUpdate, fanOutSession } from './fanout.js';
import { io, type Step } from './steps.js';
import {
  assignedTo,
  buildMessage,
  newSession,
  queuedFor,
  recordTaken,
  requireId,
  withLastMessage,
} from './values.js';

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
export function* customerWrites(
  context: Context,
  input: CustomerMessageInput,
): Step<Result<CustomerWriteValue>> {
  const { tx } = context;
  const customer = yield* io(tx.customer(input.customerId));
  if (!customer) return fail('NOT_FOUND', `There is no customer "${input.customerId}".`);
  const chat = yield* context.liveChat(input.liveChatId);
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

  const latest = yield* io(tx.latestSessionOf(customer.id, chat.id));
  if (latest && input.clientMessageId !== undefined) {
    const existing = yield* io(tx.messageByClientId(latest.id, input.clientMessageId));
    if (existing) return ok({ session: latest, message: existing, cause: 'message' });
  }

  const now = context.now;
  const verdict = transition(latest?.status ?? null, 'customer-writes');
  if (!verdict.ok) return verdict;

  let base: Session;
  let cause: CustomerWriteValue['cause'];
  if (!latest) {
    cause = 'created';
    base = yield* newSession(context, chat.id, customer, input.channel);
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

  const message = yield* buildMessage(
    context,
    base,
    { kind: 'customer', customerId: customer.id },
    text.value,
    input.channel,
    input.clientMessageId,
  );
  const after = withLastMessage(base, message);
  yield* io(tx.putSession(after));
  if (cause !== 'message') {
    // A new episode starts: the session entered the queue (or went straight to an operator).
    yield* io(
      tx.addEpisode({
        sessionId: after.id,
        liveChatId: chat.id,
        origin: 'customer',
        startedAt: now,
      }),
    );
    if (after.status === 'active' && after.assignee?.kind === 'operator') {
      yield* recordTaken(context, after.id, after.assignee.operatorId);
    }
  }
  yield* io(tx.appendMessage(message));
  yield* fanOutSession(context, latest, after, cause, message);
  yield* fanOutAlert(context, after, message, customer.name);
  return ok({ session: after, message, cause });
}

/** Adds a customer to the directory (or replaces one with the same id) and tells all staff. */
export function* addCustomer(context: Context, input: NewCustomer): Step<Result<Customer>> {
  if (typeof input.name !== 'string' || input.name.trim().length === 0) {
    return fail('VALIDATION', 'A customer needs a name.');
  }
  if (
    input.kind === 'external' &&
    (typeof input.account !== 'string' || input.account.length === 0)
  ) {
    return fail('VALIDATION', 'An external customer needs an account handle.');
  }
  if (input.kind === 'internal' && !(yield* io(context.tx.user(input.userId)))) {
    return fail('NOT_FOUND', `There is no user "${input.userId}".`);
  }
  const customer = { ...input, id: input.id ?? (yield* context.newId('customer')) } as Customer;
  yield* io(context.tx.putCustomer(customer));
  yield* fanOutCustomer(context, customer);
  return ok(customer);
}

const DELIVERY_STATES: ReadonlySet<string> = new Set(['sent', 'delivered', 'failed']);

/**
 * Records how far an operator message got on its way to the customer through the channel's
 * outbound webhook, and tells everyone who sees the session (`message.updated`). Needs a store
 * with `updateMessage`.
 */
export function* setChannelDelivery(
  context: Context,
  messageId: Id,
  delivery: ChannelDelivery,
): Step<Result<Message>> {
  const { tx } = context;
  if (!tx.updateMessage) {
    return fail('VALIDATION', 'This store does not record channel delivery states.');
  }
  if (
    !DELIVERY_STATES.has(delivery.state) ||
    !Number.isInteger(delivery.attempts) ||
    delivery.attempts < 0
  ) {
    return fail('VALIDATION', 'A delivery needs a state (sent, delivered, failed) and attempts.');
  }
  const message = yield* io(tx.message(messageId));
  if (!message) return fail('NOT_FOUND', `There is no message "${messageId}".`);
  if (message.author.kind !== 'operator') {
    return fail('VALIDATION', 'Only operator messages are delivered through a channel.');
  }
  const session = yield* io(tx.session(message.sessionId));
  if (!session) return fail('NOT_FOUND', `There is no session "${message.sessionId}".`);
  const updated: Message = { ...message, channelDelivery: { ...delivery } };
  yield* io(tx.updateMessage(updated));
  yield* fanOutMessageUpdate(context, session, updated);
  return ok(updated);
}
