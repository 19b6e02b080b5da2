/**
 * Test support: small hand-written seeds for the memory backend, for tests in which every
 * session and every figure must be their own (the shared seed of `seeded-client.ts` brings days
 * of history). Built from a few people and the Support and Sales live chats.
 */
import type { Channel, Customer, LiveChat, OperatorGroup, User } from '@live-chat/core';
import type { SeedData } from '@live-chat/adapters';

/** An operator. */
export const operator = (id: string, name: string): User => ({ id, name, role: 'operator' });

/** A supervisor. */
export const supervisor = (id: string, name: string): User => ({ id, name, role: 'supervisor' });

/** An external customer, writing through `messenger`. */
export const externalCustomer = (
  id: string,
  name: string,
  account: string,
  messenger: Channel = 'telegram',
): Customer => ({ id, kind: 'external', name, account, messenger });

/** Anna Smirnova, operator `u-anna`. */
export const ANNA = operator('u-anna', 'Anna Smirnova');
/** Boris Ivanov, operator `u-boris`. */
export const BORIS = operator('u-boris', 'Boris Ivanov');
/** Oleg Kim, operator `u-oleg`. */
export const OLEG = operator('u-oleg', 'Oleg Kim');
/** Olga Morozova, supervisor `u-olga`. */
export const OLGA = supervisor('u-olga', 'Olga Morozova');
/** Ivan Petrov, customer `c-ivan` on Telegram. */
export const IVAN = externalCustomer('c-ivan', 'Ivan Petrov', '@ivan');
/** Maria Lopez, customer `c-maria` on Telegram. */
export const MARIA = externalCustomer('c-maria', 'Maria Lopez', '@maria');
/** Li Wei, customer `c-li` on Telegram. */
export const LI = externalCustomer('c-li', 'Li Wei', '@li');

const liveChat =
  (identity: Pick<LiveChat, 'id' | 'name' | 'channels'>) =>
  (members: Partial<LiveChat> = {}): LiveChat => ({
    ...identity,
    operatorIds: [],
    supervisorIds: [],
    groupIds: [],
    reassignmentTargets: [],
    ...members,
  });

/** Support (`lc-support`, web and Telegram): nobody in it and no targets unless `members` says. */
export const supportChat = liveChat({
  id: 'lc-support',
  name: 'Support',
  channels: ['web', 'telegram'],
});

/** Sales (`lc-sales`, web only): nobody in it and no targets unless `members` says. */
export const salesChat = liveChat({ id: 'lc-sales', name: 'Sales', channels: ['web'] });

/** A seed of these parts (what is not given is empty), a fresh copy each time. */
export const smallSeed = (parts: Partial<SeedData>): SeedData =>
  structuredClone({ users: [], liveChats: [], groups: [], customers: [], ...parts });

/**
 * Support run by operators Anna and Boris under supervisor Olga, with `groups` of its own; every
 * operator and group is a reassignment target. Ivan and Maria are its customers.
 */
export function supportTeamSeed(groups: OperatorGroup[] = []): SeedData {
  const operators = [ANNA, BORIS];
  return smallSeed({
    users: [...operators, OLGA],
    liveChats: [
      supportChat({
        operatorIds: operators.map((user) => user.id),
        supervisorIds: [OLGA.id],
        groupIds: groups.map((group) => group.id),
        reassignmentTargets: [
          ...operators.map((user) => ({ kind: 'operator' as const, operatorId: user.id })),
          ...groups.map((group) => ({ kind: 'group' as const, groupId: group.id })),
        ],
      }),
    ],
    groups,
    customers: [IVAN, MARIA],
  });
}

/**
 * Two live chats with an operator each: Support (Anna; `support` for more) and Sales (Oleg).
 * Ivan, Maria and Li are the customers.
 */
export const supportAndSalesSeed = (support: Partial<LiveChat> = {}): SeedData =>
  smallSeed({
    users: [ANNA, OLEG],
    liveChats: [
      supportChat({ operatorIds: [ANNA.id], ...support }),
      salesChat({ operatorIds: [OLEG.id] }),
    ],
    customers: [IVAN, MARIA, LI],
  });
