/**
 * The customers of a chaos run whose backend answers with promises (e.g. PostgreSQL behind real
 * servers), where the memory backend's customer simulator cannot go: at random moments a
 * customer of the directory writes in, now and then a new one, and customers answer the
 * operators who wrote to them. The run waits for the last writes when it stops them.
 */
import type { Channel, Customer, Id, LiveChat } from '@live-chat/core';
import type { MessageListener } from '@live-chat/core/engine';
import { CUSTOMER_REPLIES, FIRST_NAMES, LAST_NAMES, TOPICS } from '../memory/phrases.js';
import type { Random } from '../memory/random.js';
import type { VirtualClock } from './clock.js';
import { exponentialGapMs } from './poisson.js';
import type { ChaosBackend } from './truth.js';
import { WorkUnderWay } from './work-under-way.js';

/** Options of {@link startRunCustomers}. */
export interface RunCustomersOptions {
  /** The seeded source of every choice. */
  random: Random;
  /** The run's clock. */
  clock: Pick<VirtualClock, 'after'>;
  /** The live chats customers write to, and the customers known at the start. */
  directory: { liveChats: readonly LiveChat[]; customers: readonly Customer[] };
  /** Average number of spontaneous customer messages per minute. */
  ratePerMinute: number;
  /** Range of the delay before a customer answers an operator, in ms. */
  replyDelayMs: readonly [number, number];
  /** Told about a write the backend rejected (a refusal is not an error: it is dropped). */
  onError(what: string, error: unknown): void;
}

/** The customers of a run, writing in and answering from the moment they start. */
export interface RunCustomers {
  /** Stops: no new write starts; resolves once the writes under way are done. */
  stop(): Promise<void>;
}

/** Share of spontaneous messages that come from new customers. */
const NEW_CUSTOMER_SHARE = 0.3;

/** The channel `customer` reaches `chat` through, if any. */
function channelOf(customer: Customer, chat: LiveChat): Channel | undefined {
  if (customer.kind === 'external')
    return chat.channels.includes(customer.messenger) ? customer.messenger : undefined;
  return chat.channels.includes('web') ? 'web' : undefined;
}

/** Starts the customers of a run on `backend` (see the module comment). */
export function startRunCustomers(
  backend: ChaosBackend,
  options: RunCustomersOptions,
): RunCustomers {
  const { random, clock } = options;
  const customers = [...options.directory.customers];
  const chats = options.directory.liveChats.filter((chat) => chat.channels.length > 0);
  const meanGapMs = 60_000 / Math.max(0.001, options.ratePerMinute);
  const writes = new WorkUnderWay(options.onError);
  const timers = new Set<() => void>();
  const answering = new Set<Id>();
  let running = true;
  let newcomers = 0;

  /** Runs `task` in `ms` while the customers are running. */
  const later = (ms: number, task: () => void): void => {
    const cancel = clock.after(ms, () => {
      timers.delete(cancel);
      if (running) task();
    });
    timers.add(cancel);
  };

  /** One spontaneous message: every choice is drawn now, the writes follow. */
  const step = (): void => {
    if (chats.length === 0) return;
    const chat = random.pick(chats);
    const text = random.pick(random.pick(TOPICS).openers);
    const known = customers.filter((customer) => channelOf(customer, chat) !== undefined);
    if (known.length === 0 || random.chance(NEW_CUSTOMER_SHARE)) {
      const channel = random.pick(chat.channels);
      const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
      const account = `newcomer-${++newcomers}-${random.int(1000, 9999)}`;
      writes.run(`${account} writes`, async () => {
        const added = await backend.addCustomer({
          kind: 'external',
          name,
          account,
          messenger: channel,
        });
        if (!added.ok) return;
        customers.push(added.value);
        await backend.customerWrites({
          customerId: added.value.id,
          liveChatId: chat.id,
          channel,
          text,
        });
      });
      return;
    }
    const customer = random.pick(known);
    const channel = channelOf(customer, chat) as Channel;
    writes.run(`${customer.id} writes`, () =>
      backend.customerWrites({ customerId: customer.id, liveChatId: chat.id, channel, text }),
    );
  };

  /** Exponentially distributed gaps: a Poisson process at the configured rate. */
  const scheduleStep = (): void => {
    const gap = exponentialGapMs(random.next, meanGapMs);
    later(gap, () => {
      step();
      scheduleStep();
    });
  };

  /** The customer answers an operator once, a while later, if the session is still active. */
  const answer: MessageListener = (message, session) => {
    if (!running || message.author.kind !== 'operator' || message.internal) return;
    if (session.status !== 'active') return;
    if (answering.has(session.id)) return;
    answering.add(session.id);
    const text = random.pick(CUSTOMER_REPLIES);
    const [min, max] = options.replyDelayMs;
    later(random.int(min, max), () => {
      answering.delete(session.id);
      writes.run(`${session.id} answers`, async () => {
        const now = await backend.getSession(session.id);
        if (now?.status !== 'active') return;
        const { customerId, liveChatId, channel } = now;
        await backend.customerWrites({ customerId, liveChatId, channel, text });
      });
    });
  };

  const stopListening = backend.onMessage(answer);
  scheduleStep();
  return {
    async stop() {
      running = false;
      stopListening();
      for (const cancel of timers) cancel();
      timers.clear();
      answering.clear();
      await writes.settled();
    },
  };
}
