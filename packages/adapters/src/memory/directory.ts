/**
 * The seed directory: who works in the demo contact centre, its live chats and operator groups,
 * and the thirty customers who write in. Fixed data (the same for every seed), so stories, tests
 * and docs can name people by id.
 */
import type { CannedReply, Customer, LiveChat, OperatorGroup, User } from '@live-chat/core';
import { avatarDataUri } from './avatar.js';

/** Ids of the seed's staff. `operatorA`/`operatorB` both operate Customer Support. */
export const SEED_USERS = {
  /** Anna Kowalski: Customer Support, First Line. */
  operatorA: 'op-anna',
  /** Ben Okafor: Customer Support, First Line and Accounting Department. */
  operatorB: 'op-ben',
  /** Chloe Martin: Customer Support (Technical Support) and Website Help Desk. */
  operatorC: 'op-chloe',
  /** David Chen: Customer Support, Technical Support and Accounting Department. */
  operatorD: 'op-david',
  /** Elena Rossi: Website Help Desk only (an outsider to Customer Support). */
  operatorE: 'op-elena',
  /** Maria Lopez: supervisor of both live chats. */
  supervisor: 'sup-maria',
} as const;

/** Ids of the seed's live chats. */
export const SEED_LIVE_CHATS = {
  /** "Customer Support": web, Telegram, WhatsApp and email; +New Session is available. */
  support: 'lc-support',
  /** "Website Help Desk": web only, so +New Session is unavailable; reopens to the last operator. */
  helpDesk: 'lc-helpdesk',
} as const;

/** Ids of the seed's operator groups. */
export const SEED_GROUPS = {
  firstLine: 'grp-first-line',
  technicalSupport: 'grp-tech-support',
  /** "Accounting Department" (Ben, David), the expert group of the operator guide. */
  accounting: 'grp-accounting',
  /** "Second Line" of the Website Help Desk (Elena). */
  secondLine: 'grp-second-line',
} as const;

const staff = (id: string, name: string, role: User['role']): User => ({
  id,
  name,
  role,
  avatarUrl: avatarDataUri(name),
  profileUrl: `#/users/${id}`,
});

/** Operators, the supervisor and the internal users (staff who write in as customers). */
export function seedUsers(): User[] {
  return [
    staff(SEED_USERS.operatorA, 'Anna Kowalski', 'operator'),
    staff(SEED_USERS.operatorB, 'Ben Okafor', 'operator'),
    staff(SEED_USERS.operatorC, 'Chloe Martin', 'operator'),
    staff(SEED_USERS.operatorD, 'David Chen', 'operator'),
    staff(SEED_USERS.operatorE, 'Elena Rossi', 'operator'),
    staff(SEED_USERS.supervisor, 'Maria Lopez', 'supervisor'),
    ...INTERNAL_USERS.map(([id, name]) => staff(id, name, 'internal')),
  ];
}

const INTERNAL_USERS: readonly (readonly [string, string])[] = [
  ['usr-tom', 'Tom Fischer'],
  ['usr-priya', 'Priya Nair'],
  ['usr-lucas', 'Lucas Weber'],
  ['usr-sofia', 'Sofia Almeida'],
  ['usr-kenji', 'Kenji Watanabe'],
  ['usr-nora', 'Nora Lindgren'],
  ['usr-samir', 'Samir Haddad'],
  ['usr-julia', 'Julia Novak'],
];

const { operatorA, operatorB, operatorC, operatorD, operatorE, supervisor } = SEED_USERS;

export function seedGroups(): OperatorGroup[] {
  return [
    {
      id: SEED_GROUPS.firstLine,
      liveChatId: SEED_LIVE_CHATS.support,
      name: 'First Line',
      memberIds: [operatorA, operatorB],
    },
    {
      id: SEED_GROUPS.technicalSupport,
      liveChatId: SEED_LIVE_CHATS.support,
      name: 'Technical Support',
      memberIds: [operatorC, operatorD],
    },
    {
      id: SEED_GROUPS.accounting,
      liveChatId: SEED_LIVE_CHATS.support,
      name: 'Accounting Department',
      memberIds: [operatorB, operatorD],
    },
    {
      id: SEED_GROUPS.secondLine,
      liveChatId: SEED_LIVE_CHATS.helpDesk,
      name: 'Second Line',
      memberIds: [operatorE],
    },
  ];
}

export function seedLiveChats(): LiveChat[] {
  const supportOperators = [operatorA, operatorB, operatorC, operatorD];
  const supportGroups = [
    SEED_GROUPS.firstLine,
    SEED_GROUPS.technicalSupport,
    SEED_GROUPS.accounting,
  ];
  return [
    {
      id: SEED_LIVE_CHATS.support,
      name: 'Customer Support',
      channels: ['web', 'telegram', 'whatsapp', 'email'],
      operatorIds: supportOperators,
      supervisorIds: [supervisor],
      groupIds: supportGroups,
      reassignmentTargets: [
        ...supportOperators.map((operatorId) => ({ kind: 'operator' as const, operatorId })),
        ...supportGroups.map((groupId) => ({ kind: 'group' as const, groupId })),
      ],
      reopenToLastOperator: false,
      tags: [
        { id: 'tag-billing', label: 'Billing' },
        { id: 'tag-delivery', label: 'Delivery' },
        { id: 'tag-bug', label: 'Bug report' },
        { id: 'tag-vip', label: 'VIP' },
      ],
      waitingThresholds: { warnAfterMs: 2 * 60_000, alarmAfterMs: 5 * 60_000 },
    },
    {
      id: SEED_LIVE_CHATS.helpDesk,
      name: 'Website Help Desk',
      channels: ['web'],
      operatorIds: [operatorC, operatorE],
      supervisorIds: [supervisor],
      groupIds: [SEED_GROUPS.secondLine],
      reassignmentTargets: [
        { kind: 'operator', operatorId: operatorC },
        { kind: 'operator', operatorId: operatorE },
        { kind: 'group', groupId: SEED_GROUPS.secondLine },
      ],
      reopenToLastOperator: true,
      tags: [
        { id: 'tag-how-to', label: 'How-to' },
        { id: 'tag-account', label: 'Account' },
      ],
    },
  ];
}

type ExternalChannel = 'telegram' | 'whatsapp' | 'email' | 'web';

const EXTERNAL_CUSTOMERS: readonly (readonly [string, ExternalChannel, string])[] = [
  ['Olivia Bennett', 'telegram', '@olivia_b'],
  ['Liam Walker', 'telegram', '@liamwalker'],
  ['Hana Tanaka', 'telegram', '@hana_t'],
  ['Diego Reyes', 'telegram', '@diegoreyes'],
  ['Ingrid Johansson', 'telegram', '@ingridj'],
  ['Kofi Mensah', 'telegram', '@kofi_m'],
  ['Amelia Hughes', 'whatsapp', '+44 7700 900123'],
  ['Arjun Patel', 'whatsapp', '+44 7700 900456'],
  ['Chiara Ferrari', 'whatsapp', '+39 312 555 0147'],
  ['Omar Haddad', 'whatsapp', '+971 50 555 0192'],
  ['Zoe Kim', 'whatsapp', '+1 202 555 0174'],
  ['Mateo Silva', 'whatsapp', '+55 11 5555 0133'],
  ['Grace Murphy', 'email', 'grace.murphy@example.com'],
  ['Sven Lindqvist', 'email', 'sven@example.org'],
  ['Fatima Yilmaz', 'email', 'fatima.yilmaz@example.net'],
  ['Tomas Novak', 'email', 't.novak@example.com'],
  ['Leila Moreau', 'email', 'leila.moreau@example.org'],
  ['Noah Brennan', 'web', 'visitor-4821'],
  ['Isla Costa', 'web', 'isla.costa@example.com'],
  ['Elijah Dubois', 'web', 'visitor-5307'],
  ['Yuki Sato', 'web', 'visitor-6612'],
  ['Ruth Ivanova', 'web', 'visitor-7045'],
];

/** A customer id from a name: "Olivia Bennett" → "cust-olivia-bennett". */
export const customerIdOf = (name: string) =>
  `cust-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/** Thirty customers: eight internal users and 22 external people across web, Telegram, WhatsApp and email. */
export function seedCustomers(): Customer[] {
  const internal: Customer[] = INTERNAL_USERS.map(([userId, name]) => ({
    id: customerIdOf(name),
    kind: 'internal',
    userId,
    name,
    avatarUrl: avatarDataUri(name),
    profileUrl: `#/users/${userId}`,
  }));
  const external: Customer[] = EXTERNAL_CUSTOMERS.map(([name, messenger, account], index) => ({
    id: customerIdOf(name),
    kind: 'external',
    name,
    avatarUrl: avatarDataUri(name),
    account,
    messenger,
    // A few are already known to the host's customer database.
    inHostDatabase: index % 4 === 0,
  }));
  return [...internal, ...external];
}

/** When the seed's canned replies were written: a fixed time, so every seed is the same. */
const CANNED_WRITTEN_AT = Date.UTC(2026, 0, 5, 9);

/** The canned replies of the seed: Customer Support's, the Help Desk's and one of Anna's own. */
export function seedCannedReplies(): CannedReply[] {
  const now = CANNED_WRITTEN_AT;
  const support = { kind: 'live-chat' as const, liveChatId: SEED_LIVE_CHATS.support };
  const helpDesk = { kind: 'live-chat' as const, liveChatId: SEED_LIVE_CHATS.helpDesk };
  const reply = (
    id: string,
    scope: CannedReply['scope'],
    shortcut: string,
    text: string,
  ): CannedReply => ({ id, scope, shortcut, text, updatedAt: now, updatedBy: supervisor });
  return [
    reply(
      'cr-seed-1',
      support,
      'hello',
      'Hello {{customer.name}}, this is {{operator.name}} from Customer Support. How can I help?',
    ),
    reply(
      'cr-seed-2',
      support,
      'refund',
      'I have started your refund. It reaches your account within 5 working days.',
    ),
    reply(
      'cr-seed-3',
      support,
      'tracking',
      'You can follow your parcel with the tracking link in your order confirmation e-mail.',
    ),
    reply(
      'cr-seed-4',
      helpDesk,
      'reset-password',
      'Use "Forgot password" on the sign-in page; the link in the e-mail works for one hour.',
    ),
    {
      ...reply(
        'cr-seed-5',
        { kind: 'personal', userId: operatorA },
        'thanks',
        'Thank you, {{customer.name}}! Have a good day.',
      ),
      updatedBy: operatorA,
    },
  ];
}
