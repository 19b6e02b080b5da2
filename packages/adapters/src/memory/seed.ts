/**
 * Deterministic demo data: the seed directory plus a few days of history (queued, active,
 * group-queued, reassigned, closed and reopened sessions; a few hundred messages). The history is
 * produced by scripting a real {@link MemoryBackend} on a simulated clock, so sessions, messages,
 * read markers, activity and report episodes are consistent by construction.
 */
import type {
  AssigneeTarget,
  Channel,
  Command,
  CommandInput,
  Customer,
  Id,
  LiveChat,
  Result,
} from '@live-chat/core';
import { MemoryBackend } from './backend.js';
import {
  seedCannedReplies,
  SEED_GROUPS,
  SEED_LIVE_CHATS,
  seedCustomers,
  seedGroups,
  seedLiveChats,
  seedUsers,
} from './directory.js';
import {
  CUSTOMER_REPLIES,
  COMEBACKS,
  OPERATOR_CLOSINGS,
  OUTBOUND_OPENERS,
  TOPICS,
  type Topic,
} from './phrases.js';
import { createRandom, type Random } from './random.js';
import type { SeedData } from './state.js';

export { SEED_GROUPS, SEED_LIVE_CHATS, SEED_USERS } from './directory.js';

/** Options of {@link createSeedData}. */
export interface SeedOptions {
  /** Seed of the pseudo-random history (default 1). The same seed and `now` give the same data. */
  seed?: number;
  /** The present moment; history lies in the days before it (default `Date.now()`). */
  now?: number;
  /** `false` for the directory only, with no sessions yet (default `true`). */
  history?: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What happens to one customer's conversation. */
type Scenario = 'queued' | 'active' | 'closed' | 'group' | 'returned' | 'reassigned' | 'outbound';

/** How many customers get each scenario (30 in all). */
const SCENARIOS: readonly (readonly [Scenario, number])[] = [
  ['queued', 5],
  ['active', 8],
  ['closed', 8],
  ['group', 3],
  ['returned', 3],
  ['reassigned', 2],
  ['outbound', 1],
];

interface Step {
  at: number;
  order: number;
  run: () => Result<unknown>;
}

/** Collects timed steps from every conversation, then plays them in time order on the backend. */
class Script {
  private readonly steps: Step[] = [];
  private commands = 0;
  private messages = 0;
  clock = 0;

  constructor(readonly backend: MemoryBackend) {}

  at(at: number, run: () => Result<unknown>): void {
    this.steps.push({ at, order: this.steps.length, run });
  }

  /** Runs an operator command now (inside a step). */
  command(userId: Id, input: CommandInput): Result<unknown> {
    return this.backend.execute(userId, {
      ...input,
      commandId: `seed-${++this.commands}`,
    } as Command);
  }

  /** A fresh clientMessageId. */
  messageKey(): string {
    return `seed-m${++this.messages}`;
  }

  /** The session a step acts on: the customer's newest in that live chat. */
  sessionId(customerId: Id, liveChatId: Id): Id {
    const session = this.backend.latestSessionOf(customerId, liveChatId);
    if (!session) throw new Error(`Seed script: ${customerId} has no session in ${liveChatId}.`);
    return session.id;
  }

  play(): void {
    this.steps.sort((a, b) => a.at - b.at || a.order - b.order);
    for (const step of this.steps) {
      this.clock = step.at;
      const result = step.run();
      if (!result.ok) throw new Error(`Seed script step failed: ${result.error.message}`);
    }
  }
}

/** One conversation being written: a cursor in time plus the actions of its two sides. */
class Conversation {
  private readonly topic: Topic;

  constructor(
    private readonly script: Script,
    private readonly random: Random,
    private readonly customer: Customer,
    private readonly chat: LiveChat,
    private readonly channel: Channel,
    /** Time of the next action. */
    public t: number,
  ) {
    this.topic = random.pick(TOPICS);
  }

  /** Moves the cursor forward by a random number of minutes. */
  wait(minMinutes: number, maxMinutes: number): this {
    this.t += this.random.int(minMinutes * 60, maxMinutes * 60) * 1000;
    return this;
  }

  customerSays(text: string): this {
    const { customer, chat, channel } = this;
    const clientMessageId = this.script.messageKey();
    this.script.at(this.t, () =>
      this.script.backend.customerWrites({
        customerId: customer.id,
        liveChatId: chat.id,
        channel,
        text,
        clientMessageId,
      }),
    );
    return this;
  }

  operatorSays(operatorId: Id, text: string): this {
    const clientMessageId = this.script.messageKey();
    this.script.at(this.t, () =>
      this.script.command(operatorId, {
        type: 'message.send',
        sessionId: this.session(),
        clientMessageId,
        text,
      }),
    );
    return this;
  }

  opener(): this {
    return this.customerSays(this.random.pick(this.topic.openers));
  }

  followUp(): this {
    return this.customerSays(this.random.pick(this.topic.followUps));
  }

  /** `rounds` of customer follow-up and operator answer, with realistic pauses. */
  exchange(operatorId: Id, rounds: number): this {
    for (let i = 0; i < rounds; i++) {
      this.wait(1, 12).followUp();
      this.wait(1, 8).operatorSays(operatorId, this.random.pick(this.topic.answers));
    }
    return this;
  }

  /** The first operator answer, which takes the queued session. */
  answer(operatorId: Id): this {
    return this.wait(2, 25).operatorSays(operatorId, this.random.pick(this.topic.answers));
  }

  closeBy(operatorId: Id): this {
    this.wait(1, 5).operatorSays(operatorId, this.random.pick(OPERATOR_CLOSINGS));
    this.wait(1, 6).customerSays(this.random.pick(CUSTOMER_REPLIES));
    this.wait(1, 10);
    this.script.at(this.t, () =>
      this.script.command(operatorId, { type: 'session.close', sessionId: this.session() }),
    );
    return this;
  }

  reassign(operatorId: Id, target: AssigneeTarget): this {
    this.wait(2, 10);
    this.script.at(this.t, () =>
      this.script.command(operatorId, {
        type: 'session.reassign',
        sessionId: this.session(),
        target,
      }),
    );
    return this;
  }

  startOutbound(operatorId: Id): this {
    this.script.at(this.t, () =>
      this.script.command(operatorId, {
        type: 'session.start-outbound',
        liveChatId: this.chat.id,
        customerId: this.customer.id,
        channel: this.channel,
        text: this.random.pick(OUTBOUND_OPENERS),
        clientMessageId: this.script.messageKey(),
      }),
    );
    return this;
  }

  private session(): Id {
    return this.script.sessionId(this.customer.id, this.chat.id);
  }
}

/** Where a customer writes: web customers often use the help desk, messengers go to support. */
function placeOf(
  random: Random,
  customer: Customer,
  chats: Map<Id, LiveChat>,
): { chat: LiveChat; channel: Channel } {
  const support = chats.get(SEED_LIVE_CHATS.support) as LiveChat;
  const helpDesk = chats.get(SEED_LIVE_CHATS.helpDesk) as LiveChat;
  const channel: Channel = customer.kind === 'external' ? customer.messenger : 'web';
  if (channel === 'web' && random.chance(0.5)) return { chat: helpDesk, channel };
  return { chat: support, channel };
}

/** Writes one customer's history into the script. */
function planConversation(
  script: Script,
  random: Random,
  scenario: Scenario,
  customer: Customer,
  chats: Map<Id, LiveChat>,
  now: number,
): void {
  const { chat, channel } = placeOf(random, customer, chats);
  const isHelpDesk = chat.id === SEED_LIVE_CHATS.helpDesk;
  const operators = chat.operatorIds;
  const operator = random.pick(operators);
  const other = random.pick(operators.filter((id) => id !== operator));
  const start = (fromAgo: number, toAgo: number) =>
    now - random.int(toAgo / 1000, fromAgo / 1000) * 1000;
  const talk = (t: number) => new Conversation(script, random, customer, chat, channel, t);
  /** A conversation the customer opens at `t` and the operator answers. */
  const answered = (t: number) => talk(t).opener().answer(operator);

  // Many customers have written before: an older conversation, closed, whose history the
  // reopened session keeps (in the help desk it reopens straight to the same operator).
  const returning =
    scenario === 'queued' ||
    scenario === 'active' ||
    scenario === 'group' ||
    scenario === 'reassigned';
  if (returning && random.chance(0.5)) {
    answered(start(7 * DAY, 5.5 * DAY))
      .exchange(operator, random.int(1, 2))
      .closeBy(operator);
  }

  switch (scenario) {
    case 'queued': {
      const c = talk(start(3 * HOUR, 10 * MINUTE)).opener();
      if (random.chance(0.5)) c.wait(1, 4).followUp();
      break;
    }
    case 'active': {
      const c = answered(start(26 * HOUR, 3 * HOUR)).exchange(operator, random.int(1, 3));
      // Often the customer has the last word: an unread message for the operator.
      if (random.chance(0.6)) c.wait(1, 15).customerSays(random.pick(CUSTOMER_REPLIES));
      break;
    }
    case 'closed':
      answered(start(5 * DAY, 1 * DAY))
        .exchange(operator, random.int(2, 4))
        .closeBy(operator);
      break;
    case 'group': {
      const target: AssigneeTarget = isHelpDesk
        ? { kind: 'group', groupId: SEED_GROUPS.secondLine }
        : {
            kind: 'group',
            groupId: random.pick([SEED_GROUPS.accounting, SEED_GROUPS.technicalSupport]),
          };
      answered(start(20 * HOUR, 2 * HOUR))
        .exchange(operator, 1)
        .reassign(operator, target);
      break;
    }
    case 'returned':
      answered(start(5 * DAY, 2 * DAY))
        .exchange(operator, 1)
        .closeBy(operator);
      // The comeback: the closed session reopens (to the queue, or, in the help desk, to the same operator).
      new Conversation(
        script,
        random,
        customer,
        chat,
        channel,
        start(150 * MINUTE, 20 * MINUTE),
      ).customerSays(random.pick(COMEBACKS));
      break;
    case 'reassigned':
      answered(start(20 * HOUR, 2 * HOUR))
        .exchange(operator, 1)
        .reassign(operator, { kind: 'operator', operatorId: other })
        .wait(2, 20)
        .operatorSays(other, "Hi, I've taken over your request and I'm looking into it now.");
      break;
    case 'outbound': {
      // The outbound customer uses a messenger, so they were placed in Customer Support.
      talk(start(6 * HOUR, 2 * HOUR))
        .startOutbound(operator)
        .wait(3, 40)
        .customerSays(random.pick(CUSTOMER_REPLIES));
      break;
    }
  }
}

/**
 * Creates deterministic demo data for {@link createMemoryBackend}: the seed directory
 * ({@link SEED_USERS}, {@link SEED_LIVE_CHATS}, {@link SEED_GROUPS}, thirty customers) and a
 * history in the days before `now`. Pure: the same options always give the same data.
 */
export function createSeedData(options: SeedOptions = {}): SeedData {
  const now = options.now ?? Date.now();
  const random = createRandom(options.seed ?? 1);
  const directory: SeedData = {
    users: seedUsers(),
    liveChats: seedLiveChats(),
    groups: seedGroups(),
    customers: seedCustomers(),
    cannedReplies: seedCannedReplies(),
  };
  if (options.history === false) return directory;
  const chats = new Map(directory.liveChats.map((chat) => [chat.id, chat]));
  const script: Script = new Script(
    new MemoryBackend({ seed: directory, now: (): number => script.clock }),
  );

  // Outbound needs a messenger or email customer; everyone else gets a shuffled scenario.
  const scenarios = random.shuffle(
    SCENARIOS.flatMap(([scenario, count]) => Array<Scenario>(count).fill(scenario)),
  );
  const reachable = directory.customers.find((c) => c.kind === 'external' && c.messenger !== 'web');
  const customers = random.shuffle(directory.customers.filter((c) => c !== reachable));
  let next = 0;
  for (const scenario of scenarios) {
    const customer =
      scenario === 'outbound' ? (reachable as Customer) : (customers[next++] as Customer);
    planConversation(script, random, scenario, customer, chats, now);
  }
  script.play();

  // Old conversations have been looked at: closed sessions are read by everyone who sees them.
  script.clock = now - MINUTE;
  const { backend } = script;
  for (const session of backend.sessions()) {
    if (session.status !== 'closed') continue;
    const chat = chats.get(session.liveChatId) as LiveChat;
    for (const userId of new Set([...chat.operatorIds, ...chat.supervisorIds])) {
      script.command(userId, { type: 'session.mark-read', sessionId: session.id });
    }
  }

  // A fresh history: no event log to continue and no commands to answer again.
  const {
    version: _version,
    streamSeqs: _seqs,
    commandResults: _commands,
    ...data
  } = backend.exportState();
  return data;
}
