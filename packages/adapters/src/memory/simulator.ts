/**
 * A customer simulator for demos, stories and tests: customers write in at a steady rate (some
 * new, some following up, some coming back after their session was closed) and answer operators
 * a little while after an operator writes to them. Deterministic for a seed, on an injectable
 * scheduler so tests can step it.
 */
import type { Channel, Customer, Id, LiveChat, Message, Session } from '@live-chat/core';
import type { MemoryBackend } from './backend.js';
import { COMEBACKS, CUSTOMER_REPLIES, FIRST_NAMES, LAST_NAMES, TOPICS } from './phrases.js';
import { createRandom, type Random } from './random.js';

/** Timers the simulator runs on (default: the global `setTimeout`/`clearTimeout`). */
export interface Scheduler {
  /** Runs `task` once after `ms` milliseconds; returns a handle for {@link Scheduler.clearTimeout}. */
  setTimeout(task: () => void, ms: number): unknown;
  /** Cancels a task scheduled with {@link Scheduler.setTimeout}. */
  clearTimeout(handle: unknown): void;
}

/** Options of {@link createCustomerSimulator}. */
export interface CustomerSimulatorOptions {
  /** Seed of the simulator's choices (default 1). */
  seed?: number;
  /** Average number of spontaneous customer messages per minute (default 2). */
  ratePerMinute?: number;
  /** Live chats customers write to (default: all). */
  liveChatIds?: Id[];
  scheduler?: Scheduler;
  /** Range of the delay before a customer answers an operator, in ms (default 4–20 s). */
  replyDelayMs?: readonly [number, number];
  /** Share of spontaneous messages that come from brand-new customers (default 0.3). */
  newCustomerShare?: number;
  /**
   * Share of customer answers that come with a screenshot (a small PNG), on a backend that
   * takes files (default 0.15).
   */
  screenshotShare?: number;
  /** How long a customer types before an answer appears, in ms (default 3 s; 0 for none). */
  typingMs?: number;
  /**
   * Where customers' messages go instead of the backend's customer-write path, e.g. a channel's
   * inbound webhook. The simulator then only decides who writes what: a new customer is not
   * added by it but by the receiver, and the message is stored when the receiver stores it.
   */
  send?: (message: SimulatedCustomerMessage) => void;
}

/** A message a simulated customer writes, as handed to {@link CustomerSimulatorOptions.send}. */
export interface SimulatedCustomerMessage {
  kind: SimulatedMessage['kind'];
  liveChatId: Id;
  channel: Channel;
  /** Who writes: a stored customer (with `id`), or a new one for the receiver to add. */
  customer: { id?: Id; name: string; account: string };
  text: string;
}

/** What one simulated action did. */
export interface SimulatedMessage {
  kind: 'new-customer' | 'opener' | 'follow-up' | 'comeback' | 'reply';
  /** The customer; absent for a new customer handed to `send` (the receiver adds them). */
  customerId?: Id;
  /** The session and message written; absent when handed to `send` (stored later). */
  sessionId?: Id;
  messageId?: Id;
}

/** A running (or stopped) customer simulation. */
export interface CustomerSimulator {
  /** Starts writing at the configured rate and answering operators. */
  start(): void;
  /** Stops: cancels pending timers and stops answering. */
  stop(): void;
  /** Performs one spontaneous customer message now (works whether started or not). */
  step(): SimulatedMessage | undefined;
  readonly running: boolean;
}

const defaultScheduler: Scheduler = {
  setTimeout: (task, ms) => setTimeout(task, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** An account handle that looks right for the messenger. */
function accountFor(random: Random, channel: Channel, first: string, last: string): string {
  switch (channel) {
    case 'telegram':
      return `@${first.toLowerCase()}_${last.toLowerCase().charAt(0)}${random.int(1, 99)}`;
    case 'whatsapp':
    case 'viber':
      return `+44 7700 ${random.int(900000, 900999)}`;
    case 'email':
      return `${first.toLowerCase()}.${last.toLowerCase()}@example.com`;
    default:
      return `visitor-${random.int(1000, 9999)}`;
  }
}

/** The channel a customer uses to reach a live chat, or undefined when they cannot. */
function channelOf(customer: Customer, chat: LiveChat): Channel | undefined {
  if (customer.kind === 'external')
    return chat.channels.includes(customer.messenger) ? customer.messenger : undefined;
  return chat.channels.includes('web') ? 'web' : chat.channels[0];
}

/** A small PNG a simulated customer sends as a screenshot (96 × 64 pixels). */
const SCREENSHOT =
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAABACAIAAABqVuVZAAAAlklEQVR42u3YQQ2AMBBFwZqhxrCEA0wgpg4w0BAOOOiJNu1mkqdgDpufTdt+q1FCAAgQIECAAAECJECAOgDV51UjQIAAAQIECFBcoOO8ggUIEKCVgJxhQIAAAQJkSUcdBIAAAeoL5AwDAgQIECBLeuanFyBAgOYFcoYBAQIECBCgkZWcfw8QIECAAAECBEiAAAECBGiZPhdm79cADItjAAAAAElFTkSuQmCC';

/** The screenshot's bytes. */
function screenshotBytes(): Uint8Array {
  return Uint8Array.from(atob(SCREENSHOT), (char) => char.charCodeAt(0));
}

/** Creates a simulator driving `backend`'s customer side. */
export function createCustomerSimulator(
  backend: MemoryBackend,
  options: CustomerSimulatorOptions = {},
): CustomerSimulator {
  const random = createRandom(options.seed ?? 1);
  const scheduler = options.scheduler ?? defaultScheduler;
  const meanGapMs = 60_000 / Math.max(0.001, options.ratePerMinute ?? 2);
  const [minReply, maxReply] = options.replyDelayMs ?? [4_000, 20_000];
  const newCustomerShare = options.newCustomerShare ?? 0.3;
  const screenshotShare = options.screenshotShare ?? 0.15;
  const typingMs = Math.max(0, options.typingMs ?? 3_000);
  const chatIds = new Set(options.liveChatIds ?? backend.liveChats().map((chat) => chat.id));

  let running = false;
  let nextStep: unknown;
  let stopListening: (() => void) | undefined;
  /** Replies waiting to be written, by session. */
  const pendingReplies = new Map<Id, unknown>();

  const chats = () => backend.liveChats().filter((chat) => chatIds.has(chat.id));

  function write(
    kind: SimulatedMessage['kind'],
    customer: Customer,
    chat: LiveChat,
    channel: Channel,
    text: string,
  ): SimulatedMessage | undefined {
    if (options.send) {
      const account = customer.kind === 'external' ? customer.account : customer.id;
      options.send({
        kind,
        liveChatId: chat.id,
        channel,
        customer: { id: customer.id, name: customer.name, account },
        text,
      });
      return { kind, customerId: customer.id };
    }
    const result = backend.customerWrites({
      customerId: customer.id,
      liveChatId: chat.id,
      channel,
      text,
    });
    if (!result.ok) return undefined;
    return {
      kind,
      customerId: customer.id,
      sessionId: result.value.session.id,
      messageId: result.value.message.id,
    };
  }

  function newCustomerWrites(chat: LiveChat): SimulatedMessage | undefined {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const channel = random.pick(chat.channels);
    const name = `${first} ${last}`;
    const account = accountFor(random, channel, first, last);
    const opener = () => random.pick(random.pick(TOPICS).openers);
    if (options.send) {
      const text = opener();
      options.send({
        kind: 'new-customer',
        liveChatId: chat.id,
        channel,
        customer: { name, account },
        text,
      });
      return { kind: 'new-customer' };
    }
    const added = backend.addCustomer({ kind: 'external', name, account, messenger: channel });
    if (!added.ok) return undefined;
    return write('new-customer', added.value, chat, channel, opener());
  }

  function knownCustomerWrites(chat: LiveChat): SimulatedMessage | undefined {
    const candidates = backend
      .customers()
      .filter((customer) => channelOf(customer, chat) !== undefined);
    if (candidates.length === 0) return newCustomerWrites(chat);
    const customer = random.pick(candidates);
    const channel = channelOf(customer, chat) as Channel;
    const latest = backend.latestSessionOf(customer.id, chat.id);
    const topic = random.pick(TOPICS);
    if (!latest) return write('opener', customer, chat, channel, random.pick(topic.openers));
    if (latest.status === 'closed')
      return write('comeback', customer, chat, channel, random.pick(COMEBACKS));
    return write('follow-up', customer, chat, channel, random.pick(topic.followUps));
  }

  function step(): SimulatedMessage | undefined {
    const available = chats();
    if (available.length === 0) return undefined;
    const chat = random.pick(available);
    return random.chance(newCustomerShare) ? newCustomerWrites(chat) : knownCustomerWrites(chat);
  }

  /** Exponentially distributed gaps: a Poisson process at the configured rate. */
  function scheduleNextStep(): void {
    const gap = Math.max(1, Math.round(-Math.log(1 - random.next()) * meanGapMs));
    nextStep = scheduler.setTimeout(() => {
      if (!running) return;
      step();
      scheduleNextStep();
    }, gap);
  }

  /** An answer, sometimes with a screenshot (the backend must take files). */
  function answer(customer: Customer, chat: LiveChat, session: Session): void {
    const text = random.pick(CUSTOMER_REPLIES);
    if (options.send || !backend.acceptsAttachments || !random.chance(screenshotShare)) {
      write('reply', customer, chat, session.channel, text);
      return;
    }
    void backend
      .customerUpload(customer.id, { name: 'screenshot.png', bytes: screenshotBytes() })
      .then((uploaded) => {
        if (!running) return;
        backend.customerWrites({
          customerId: customer.id,
          liveChatId: chat.id,
          channel: session.channel,
          text,
          ...(uploaded.ok ? { attachmentIds: [uploaded.value.id] } : {}),
        });
      });
  }

  /** The customer answers once, a while after the operator wrote, unless they already did. */
  function scheduleReply(message: Message, session: Session): void {
    // A staff note is not for the customer: nothing to answer.
    if (message.author.kind !== 'operator' || message.internal || session.status !== 'active') {
      return;
    }
    if (!chatIds.has(session.liveChatId) || pendingReplies.has(session.id)) return;
    const delay = random.int(minReply, maxReply);
    const typesFor = options.send ? 0 : Math.min(typingMs, delay);
    const stillWaiting = (): Session | undefined => {
      const now = backend.getSession(session.id);
      const last = backend.messagesOf(session.id).at(-1);
      return running && now?.status === 'active' && last?.author.kind === 'operator'
        ? now
        : undefined;
    };
    const replyNow = (): void => {
      pendingReplies.delete(session.id);
      const now = stillWaiting();
      const customer = now && backend.getCustomer(now.customerId);
      const chat = now && backend.getLiveChat(now.liveChatId);
      if (now && customer && chat) answer(customer, chat, now);
    };
    // The customer types for a while before the answer appears (not stored, not counted).
    const handle = scheduler.setTimeout(() => {
      if (typesFor === 0 || !stillWaiting()) {
        replyNow();
        return;
      }
      void backend.customerTyping(session.customerId, session.liveChatId, true);
      pendingReplies.set(session.id, scheduler.setTimeout(replyNow, typesFor));
    }, delay - typesFor);
    pendingReplies.set(session.id, handle);
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopListening = backend.onMessage(scheduleReply);
      scheduleNextStep();
    },
    stop() {
      if (!running) return;
      running = false;
      stopListening?.();
      stopListening = undefined;
      scheduler.clearTimeout(nextStep);
      for (const handle of pendingReplies.values()) scheduler.clearTimeout(handle);
      pendingReplies.clear();
    },
    step,
    get running() {
      return running;
    },
  };
}
