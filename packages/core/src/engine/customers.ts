/**
 * The customer side: a customer writing in (which creates, continues or reopens their session
 * and alerts the live chat's operators) and new customers appearing. These are not operator
 * commands; channels (webhooks, a widget), demos, simulators and tests drive them.
 */
import type { Attachment } from '../domain/attachments.js';
import { combineResults, fail, ok, type Result } from '../domain/errors.js';
import { FIELD_LIMITS } from '../domain/limits.js';
import { customerMessageKey } from '../domain/message-keys.js';
import { transition } from '../domain/state-machine.js';
import { clampText } from '../domain/text.js';
import {
  isChannel,
  type Channel,
  type ChannelDelivery,
  type Customer,
  type Id,
  type Message,
  type Session,
} from '../domain/types.js';
import {
  validateId,
  validateName,
  validateOptionalId,
  validateText,
  type TextField,
} from '../domain/validation.js';
import type { SessionChangeCause } from '../protocol/events.js';
import type { Context } from './context.js';
import {
  fanOutAlert,
  fanOutCustomer,
  fanOutMessageUpdate,
  fanOutSession,
  introduceCustomer,
} from './fanout.js';
import { io, type Step } from './steps.js';
import {
  assignedTo,
  attachmentsFor,
  buildMessage,
  messageTextOf,
  newSession,
  queuedFor,
  recordTaken,
  withLastMessage,
} from './values.js';

/** A message from a customer to a live chat. */
export interface CustomerMessageInput {
  customerId: Id;
  liveChatId: Id;
  /** The channel it came through; must be one of the live chat's channels. */
  channel: Channel;
  text: string;
  /**
   * Idempotency key of the message: a repeated write with the same key is not stored twice. It
   * is stored in the customers' namespace (`customer:` + key, see `customerMessageKey`), so it
   * never meets an operator's key.
   */
  clientMessageId?: string;
  /**
   * Files the customer sent, uploaded before through the backend (`customerUpload`); `text` may
   * then be empty.
   */
  attachmentIds?: Id[];
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

/** Checks the ids, channel, text and key of a customer message, before anything is read. */
function parseCustomerMessage(
  input: CustomerMessageInput,
  files: readonly Attachment[],
): Result<CustomerMessageInput> {
  if (typeof input !== 'object' || input === null) {
    return fail('VALIDATION', 'A customer message must be an object.');
  }
  const fields = combineResults({
    customerId: validateId(input.customerId, 'customerId'),
    liveChatId: validateId(input.liveChatId, 'liveChatId'),
    channel: isChannel(input.channel)
      ? ok(input.channel)
      : fail<Channel>('VALIDATION', 'A customer message needs a known channel.', {
          field: 'channel',
        }),
    text: messageTextOf(input.text, files),
    key: validateOptionalId(input.clientMessageId, 'clientMessageId'),
  });
  if (!fields.ok) return fields;
  const { key, ...parsed } = fields.value;
  // The key is stored in the customers' namespace (see message-keys.ts).
  return ok(key === undefined ? parsed : { clientMessageId: customerMessageKey(key), ...parsed });
}

/** Appends a customer message, creating or reopening the session as the state machine says. */
export function* customerWrites(
  context: Context,
  untrusted: CustomerMessageInput,
): Step<Result<CustomerWriteValue>> {
  const files = attachmentsFor(context, untrusted?.attachmentIds);
  if (!files.ok) return files;
  const parsed = parseCustomerMessage(untrusted, files.value);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
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

  const latest = yield* io(tx.latestSessionOf(customer.id, chat.id));
  if (latest && input.clientMessageId !== undefined) {
    // The key is in the customers' namespace: only this customer's own message can hold it.
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
    input.text,
    input.channel,
    input.clientMessageId,
    files.value,
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
  if (!latest) yield* introduceCustomer(context, customer, chat.id);
  yield* fanOutSession(context, latest, after, cause, message);
  yield* fanOutAlert(context, after, message, customer.name);
  return ok({ session: after, message, cause });
}

const CUSTOMER_NAME: TextField = {
  field: 'name',
  limit: 'customerName',
  subject: 'A customer name',
};
const ACCOUNT: TextField = { field: 'account', limit: 'account', subject: 'An account' };
const LINKS: readonly TextField[] = [
  { field: 'avatarUrl', limit: 'url', subject: 'An avatar URL' },
  { field: 'profileUrl', limit: 'url', subject: 'A profile URL' },
];

/**
 * A customer from untrusted input, field by field (nothing else of the input is kept): a name,
 * a kind, the user of an internal customer or the account and messenger of an external one,
 * optional links, and whether the host has them in its database.
 */
function parseNewCustomer(input: NewCustomer): Result<NewCustomer> {
  if (typeof input !== 'object' || input === null) {
    return fail('VALIDATION', 'A customer must be an object.');
  }
  const name = validateName(input.name, CUSTOMER_NAME);
  if (!name.ok) return name;
  let customer: NewCustomer;
  if (input.kind === 'internal') {
    const userId = validateId(input.userId, 'userId');
    if (!userId.ok) return userId;
    customer = { kind: 'internal', userId: userId.value, name: name.value };
  } else if (input.kind === 'external') {
    const account = validateText(
      typeof input.account === 'string' ? input.account.trim() : input.account,
      ACCOUNT,
    );
    if (!account.ok) return account;
    if (!isChannel(input.messenger)) {
      return fail('VALIDATION', 'An external customer needs a known messenger.', {
        field: 'messenger',
      });
    }
    const external: NewCustomer & { kind: 'external' } = {
      kind: 'external',
      name: name.value,
      account: account.value,
      messenger: input.messenger,
    };
    if (input.inHostDatabase !== undefined) {
      if (typeof input.inHostDatabase !== 'boolean') {
        return fail('VALIDATION', '"inHostDatabase" must be true or false.', {
          field: 'inHostDatabase',
        });
      }
      external.inHostDatabase = input.inHostDatabase;
    }
    customer = external;
  } else {
    return fail('VALIDATION', 'A customer is "internal" or "external".', { field: 'kind' });
  }
  for (const link of LINKS) {
    const value = (input as Partial<Record<string, unknown>>)[link.field];
    if (value === undefined) continue;
    const url = validateText(value, link);
    if (!url.ok) return url;
    (customer as Partial<Record<string, unknown>>)[link.field] = url.value;
  }
  return ok(customer);
}

/**
 * Adds a customer to the directory (or replaces one with the same id). Staff of the live chats
 * the customer has a session in hear of it; a new customer concerns nobody until their first
 * session.
 */
export function* addCustomer(context: Context, input: NewCustomer): Step<Result<Customer>> {
  const parsed = parseNewCustomer(input);
  if (!parsed.ok) return parsed;
  const fields = parsed.value;
  if (fields.kind === 'internal' && !(yield* io(context.tx.user(fields.userId)))) {
    return fail('NOT_FOUND', `There is no user "${fields.userId}".`);
  }
  const given = validateOptionalId(input.id, 'id');
  if (!given.ok) return given;
  const id = given.value ?? (yield* context.newId('customer'));
  const customer = { id, ...fields } as Customer;
  yield* io(context.tx.putCustomer(customer));
  yield* fanOutCustomer(context, customer);
  return ok(customer);
}

const DELIVERY_STATES: ReadonlySet<string> = new Set(['sent', 'delivered', 'failed']);

/** A channel delivery state from untrusted input, its reason cut to its limit. */
function parseDelivery(delivery: ChannelDelivery): Result<ChannelDelivery> {
  if (
    typeof delivery !== 'object' ||
    delivery === null ||
    !DELIVERY_STATES.has(delivery.state) ||
    !Number.isInteger(delivery.attempts) ||
    delivery.attempts < 0 ||
    !Number.isFinite(delivery.at) ||
    (delivery.reason !== undefined && typeof delivery.reason !== 'string')
  ) {
    return fail(
      'VALIDATION',
      'A delivery needs a state (sent, delivered, failed), a time, attempts, and any reason as text.',
    );
  }
  const { state, at, attempts, reason } = delivery;
  return ok(
    reason === undefined
      ? { state, at, attempts }
      : { state, at, attempts, reason: clampText(reason, FIELD_LIMITS.deliveryReason) },
  );
}

/**
 * Records how far an operator message got on its way to the customer through the channel's
 * outbound webhook, and tells everyone who sees the session (`message.updated`). Needs a store
 * with `updateMessage`. A reason longer than {@link FIELD_LIMITS}`.deliveryReason` is cut.
 */
export function* setChannelDelivery(
  context: Context,
  messageId: Id,
  untrusted: ChannelDelivery,
): Step<Result<Message>> {
  const { tx } = context;
  if (!tx.updateMessage) {
    return fail('VALIDATION', 'This store does not record channel delivery states.');
  }
  const id = validateId(messageId, 'messageId');
  if (!id.ok) return id;
  const delivery = parseDelivery(untrusted);
  if (!delivery.ok) return delivery;
  const message = yield* io(tx.message(id.value));
  if (!message) return fail('NOT_FOUND', `There is no message "${id.value}".`);
  if (message.author.kind !== 'operator') {
    return fail('VALIDATION', 'Only operator messages are delivered through a channel.');
  }
  const session = yield* io(tx.session(message.sessionId));
  if (!session) return fail('NOT_FOUND', `There is no session "${message.sessionId}".`);
  const { channelDelivery: _previous, ...rest } = message;
  const updated: Message = { channelDelivery: delivery.value, ...rest };
  yield* io(tx.updateMessage(updated));
  yield* fanOutMessageUpdate(context, session, updated);
  return ok(updated);
}
