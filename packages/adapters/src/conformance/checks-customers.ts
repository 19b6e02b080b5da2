/**
 * Customers on demand (`TransportAdapter.customers`): a snapshot may leave customers out, and the
 * client reads those of what it shows by id, and finds those to start a session with by text.
 * Each read answers only customers the user may see or contact. An adapter without the read
 * keeps every customer the user may see in its snapshot instead (see checks-scope.ts): these
 * checks pass at once for it.
 */
import {
  customerMatches,
  customerNeedle,
  MAX_CUSTOMER_IDS,
  MAX_CUSTOMER_MATCHES,
  MAX_SEARCH_LENGTH,
  type Customer,
  type CustomerQuery,
  type Id,
} from '@live-chat/core';
import { check, checkEqual, checkJson, checkRejects } from './assert.js';
import type { CheckDefinition, Probe } from './probe.js';

/** An id no backend gives a customer. */
const NOBODY = 'conformance-no-such-customer';

/** The user's customer read, or `undefined` when the adapter has none. */
function customerRead(
  p: Probe,
  userId: Id,
): ((query: CustomerQuery) => Promise<Customer[]>) | undefined {
  const adapter = p.adapter(userId);
  return adapter.customers?.bind(adapter);
}

/** Reads `query` as `userId`, checks the answer is plain JSON, and returns it. */
async function read(p: Probe, userId: Id, query: CustomerQuery, what: string): Promise<Customer[]> {
  const customers = customerRead(p, userId);
  check(customers, `${userId}'s adapter must read customers on demand`);
  const found = await customers(query);
  check(Array.isArray(found), `${what}: a customer read answers a list`);
  checkJson(found, what);
  return found;
}

const ids = (customers: readonly Customer[]): Id[] => customers.map((customer) => customer.id);

/** The customer as operator A reads them by id (they must be there). */
async function customerById(p: Probe, customerId: Id): Promise<Customer> {
  const [customer] = await read(p, p.users.operatorA, { ids: [customerId] }, 'a read by id');
  check(customer?.id === customerId, `operator A must read customer ${customerId} by id`);
  return customer;
}

/** Swaps the case of every letter: "Olivia B" → "oLIVIA b". */
const swapCase = (text: string): string =>
  [...text]
    .map((char) =>
      char === char.toLocaleUpperCase() ? char.toLocaleLowerCase() : char.toLocaleUpperCase(),
    )
    .join('');

export const CUSTOMER_CHECKS: readonly CheckDefinition[] = [
  {
    name: "customers({ ids }) answers the customers of the user's live chats, and leaves out others and unknown ids",
    async run(p) {
      const { operatorA, operatorB, supervisor, outsider } = p.users;
      if (!customerRead(p, operatorA)) return;
      const session = await p.newSession(0);
      const customerId = session.customerId;
      for (const userId of [operatorA, operatorB, supervisor]) {
        const found = await read(p, userId, { ids: [customerId, NOBODY] }, `${userId}'s read`);
        checkEqual(
          ids(found),
          [customerId],
          `${userId} must read the customer of their live chat's session, and no unknown id`,
        );
        check(
          typeof found[0]?.name === 'string' && found[0].name.length > 0,
          'a customer read by id has its name',
        );
      }
      checkEqual(
        await read(p, operatorA, { ids: [] }, 'a read of no ids'),
        [],
        'a read of no ids answers none',
      );
      checkEqual(
        ids(await read(p, outsider, { ids: [customerId] }, "the outsider's read")),
        [],
        'an outsider must not read a customer of another live chat',
      );
      const { contactId } = p.harness;
      if (contactId === undefined) return;
      for (const userId of [operatorA, outsider]) {
        checkEqual(
          ids(await read(p, userId, { ids: [contactId] }, `${userId}'s read of a contact`)),
          [contactId],
          `${userId} must read a contact of no live chat yet, whom any staff may write to`,
        );
      }
    },
  },
  {
    name: 'customers({ text }) finds whom the user may start a session with, by name or account in any case, at most limit',
    async run(p) {
      const { operatorA, outsider } = p.users;
      if (!customerRead(p, operatorA)) return;
      await p.newSession(0);
      const customer = await customerById(p, p.customer(0));
      const find = async (userId: Id, text: string, limit?: number) => {
        const query = limit === undefined ? { text } : { text, limit };
        const found = await read(p, userId, query, `a search for "${text}"`);
        const needle = customerNeedle(text);
        for (const match of found) {
          check(
            customerMatches(match, needle),
            `a search for "${text}" must answer only customers whose name or account contains it, got ${match.id}`,
          );
        }
        return ids(found);
      };
      check(
        (await find(operatorA, swapCase(customer.name))).includes(customer.id),
        `a search for the name in another case ("${swapCase(customer.name)}") must find the customer`,
      );
      if (customer.kind === 'external') {
        const account = customer.account.toLocaleUpperCase();
        check(
          (await find(operatorA, account)).includes(customer.id),
          `a search for the account in another case ("${account}") must find the customer`,
        );
      }
      checkEqual(
        (await find(operatorA, '', 1)).length,
        1,
        'a search for "" with limit 1 answers exactly one customer',
      );
      check(
        (await find(operatorA, '')).length <= MAX_CUSTOMER_MATCHES,
        `a search answers at most ${MAX_CUSTOMER_MATCHES} customers by default`,
      );
      check(
        !(await find(outsider, customer.name)).includes(customer.id),
        "an outsider's search must not find a customer of another live chat",
      );
      const { contactId } = p.harness;
      if (contactId === undefined) return;
      const contact = await customerById(p, contactId);
      for (const userId of [operatorA, outsider]) {
        check(
          (await find(userId, contact.name.toLocaleUpperCase())).includes(contactId),
          `${userId}'s search must find a contact of no live chat yet, whom any staff may write to`,
        );
      }
    },
  },
  {
    name: 'a malformed customer read is refused with VALIDATION',
    async run(p) {
      const customers = customerRead(p, p.users.operatorA);
      if (!customers) return;
      const tooMany = Array.from({ length: MAX_CUSTOMER_IDS + 1 }, (_, i) => `${NOBODY}-${i}`);
      const malformed: [string, unknown][] = [
        ['ids that are not a list', { ids: p.customer(0) }],
        [`${MAX_CUSTOMER_IDS + 1} ids`, { ids: tooMany }],
        ['an id that is not a string', { ids: [42] }],
        ['an empty id', { ids: [''] }],
        ['limit 0', { text: 'a', limit: 0 }],
        [`limit ${MAX_CUSTOMER_MATCHES + 1}`, { text: 'a', limit: MAX_CUSTOMER_MATCHES + 1 }],
        ['a limit that is not a whole number', { text: 'a', limit: 1.5 }],
        ['a text that is not a string', { text: 42 }],
        [
          `a text of ${MAX_SEARCH_LENGTH + 1} characters`,
          { text: 'a'.repeat(MAX_SEARCH_LENGTH + 1) },
        ],
        ['neither ids nor text', {}],
      ];
      for (const [what, query] of malformed) {
        await checkRejects(customers(query as CustomerQuery), 'VALIDATION', `a read with ${what}`);
      }
      const most = Array.from({ length: MAX_CUSTOMER_IDS }, (_, i) => `${NOBODY}-${i}`);
      checkEqual(
        await customers({ ids: most }),
        [],
        `a read of ${MAX_CUSTOMER_IDS} unknown ids answers none`,
      );
    },
  },
  {
    name: 'a user who is not staff reads no customer: none by id, FORBIDDEN by text',
    async run(p) {
      const { internal } = p.users;
      if (internal === undefined || !customerRead(p, internal)) return;
      const session = await p.newSession(0);
      checkEqual(
        ids(await read(p, internal, { ids: [session.customerId] }, "a non-staff user's read")),
        [],
        'a user who is not staff must read no customer by id',
      );
      const customers = customerRead(p, internal);
      check(customers, 'the adapter reads customers');
      await checkRejects(
        customers({ text: '' }),
        'FORBIDDEN',
        'a search by a user who is not staff',
      );
    },
  },
];
