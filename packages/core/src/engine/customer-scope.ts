/**
 * Which staff a customer belongs to. A customer is a customer of the live chats they have a
 * session in (open or closed): the operators and supervisors of those live chats see them in
 * their snapshot, hear of changes to them and may act on them; staff of other live chats never
 * learn of them. A customer with no session anywhere yet (a contact added by the host) belongs to
 * no live chat; any operator may start a session with them, which makes them a customer of that
 * live chat.
 */
import { memberLiveChats, type Viewer } from '../domain/access.js';
import type { Id } from '../domain/types.js';
import type { Context } from './context.js';
import { io, type Step } from './steps.js';

/** The live chats the customer has a session in. */
export function* customerLiveChats(context: Context, customerId: Id): Step<Id[]> {
  const chats: Id[] = [];
  for (const chat of yield* io(context.tx.liveChats())) {
    if (yield* io(context.tx.latestSessionOf(customerId, chat.id))) chats.push(chat.id);
  }
  return chats;
}

/** Whether the customer has a session in a live chat the viewer operates or supervises. */
export function* isCustomerOf(context: Context, viewer: Viewer, customerId: Id): Step<boolean> {
  for (const liveChatId of memberLiveChats(viewer)) {
    if (yield* io(context.tx.latestSessionOf(customerId, liveChatId))) return true;
  }
  return false;
}

/**
 * Whether the viewer may start a session with the customer: a customer of their live chats, or
 * of none yet.
 */
export function* mayContact(context: Context, viewer: Viewer, customerId: Id): Step<boolean> {
  if (yield* isCustomerOf(context, viewer, customerId)) return true;
  return (yield* customerLiveChats(context, customerId)).length === 0;
}

/**
 * Which of the customers the viewer may contact (as {@link mayContact} answers for each): with the
 * store's `liveChatsOfCustomers`, one read for them all; without it, customer by customer.
 */
export function* contactableCustomers(
  context: Context,
  viewer: Viewer,
  customerIds: readonly Id[],
): Step<Set<Id>> {
  const { tx } = context;
  const contactable = new Set<Id>();
  if (!tx.liveChatsOfCustomers) {
    for (const id of customerIds) if (yield* mayContact(context, viewer, id)) contactable.add(id);
    return contactable;
  }
  if (customerIds.length === 0) return contactable;
  const chatsOf = yield* io(tx.liveChatsOfCustomers(customerIds));
  const members = memberLiveChats(viewer);
  // As `customerLiveChats`, only live chats of the directory count.
  let known: Set<Id> | undefined;
  for (const id of customerIds) {
    const chats = chatsOf.get(id) ?? [];
    if (chats.some((chat) => members.has(chat))) {
      contactable.add(id);
      continue;
    }
    if (chats.length > 0) {
      known ??= new Set([...(yield* io(tx.liveChats()))].map((chat) => chat.id));
    }
    if (!chats.some((chat) => known?.has(chat))) contactable.add(id);
  }
  return contactable;
}
