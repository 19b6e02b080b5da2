// Customer search in SQL (port `customersMatching`): on SQLite and on PostgreSQL a page of the
// customers whose name or account contains a needle, in any case, with `%`, `_` and `\` taken
// literally, in the order the customers were added, equals the engine's own filter over every
// customer; a customer read through the index answers what the memory backend's full scan
// answers, reading pages instead of every customer; a read by id answers what it answers too;
// the bulk reads (`customersWithIds`, `liveChatsOfCustomers`) equal `customer` and
// `latestSessionOf` customer by customer; and the migration fills in the customers a database
// held before it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import {
  createMemoryBackend,
  createSeedData,
  SEED_LIVE_CHATS,
  SEED_USERS,
  type MemoryBackend,
  type SeedData,
} from '@live-chat/adapters';
import {
  customerMatches,
  customerNeedle,
  type Customer,
  type CustomerQuery,
  type Id,
} from '@live-chat/core';
import type { CustomerMessageInput } from '@live-chat/core/engine';
import { createPostgresBackend, type PostgresBackend } from '../postgres/backend.js';
import { POSTGRES_MIGRATIONS, migratePostgres } from '../postgres/migrations/index.js';
import { clientConfig, openPostgresStore } from '../postgres/store.js';
import { describeWithPostgres } from '../postgres/testing/pg-server.js';
import { PostgresTransaction } from '../postgres/transaction.js';
import type { SqliteBackend } from './backend.js';
import { openDatabase } from './database.js';
import { migrate, MIGRATIONS } from './migrations/index.js';
import { openSqliteStore } from './store.js';
import { createTempDir, type TempDir } from './testing/temp-dir.js';
import { openTestBackend } from './testing/test-backend.js';
import { SqliteTransaction } from './transaction.js';

const NOW = Date.UTC(2026, 10, 27, 12);
const { operatorA: anna, operatorE: elena, supervisor: maria } = SEED_USERS;

const external = (n: number, name: string, account: string): Customer => ({
  id: `cust-search-${n}`,
  kind: 'external',
  name,
  account,
  messenger: 'telegram',
});

/** Customers added after the seed's: pattern characters, other scripts, and enough for pages. */
const ADDED: Customer[] = [
  external(1, 'ÉMILE Zola', 'EMILE_Z'),
  external(2, '100% Pure', 'pure%fan'),
  external(3, 'Under_Score', 'a_b'),
  external(4, 'Back\\Slash', 'x\\y'),
  external(5, 'İlker Yılmaz', 'ILKER'),
  // What the needles above would match if `_`, `%` or `\` were wildcards.
  external(6, 'Emile Z', 'emile z'),
  external(7, 'Pure 100 Juice', 'a-b'),
  external(8, 'Xy Back Slash', 'backslash'),
  { id: 'cust-search-9', kind: 'internal', userId: 'user-search-9', name: 'Inside 50%_off' },
  ...Array.from({ length: 230 }, (_, i) =>
    external(100 + i, `Bulk Customer ${String(i).padStart(3, '0')}`, `bulk_${i}`),
  ),
];

/** Needles as a search passes them (see `customerNeedle`). */
const NEEDLES = [
  '',
  'émile',
  'emile',
  'emile_z',
  '%',
  '100%',
  '_',
  'a_b',
  '\\',
  'x\\y',
  'i̇lker',
  'ilker',
  'yılmaz',
  'olivia',
  'bulk',
  'bulk customer 2',
  'bulk_2',
  'e',
  'no such customer',
].map(customerNeedle);

/** Texts a user types, with the limits they ask for. */
const QUERIES: CustomerQuery[] = [
  ...[
    '',
    'EMILE',
    'Émile',
    '%',
    '_',
    '\\',
    'BULK',
    'Bulk_1',
    'İlker',
    'ILKER',
    'olivia',
    ' a ',
  ].map((text) => ({ text })),
  { text: '', limit: 1 },
  { text: '', limit: 5 },
  { text: 'bulk', limit: 50 },
  { text: 'customer 1', limit: 7 },
  { text: 'zzz', limit: 3 },
  // By id: the seed's customers (with sessions in either live chat or both), customers of no
  // live chat, Customer Support's writers and others, an unknown id and a repeated one.
  {
    ids: seedData()
      .customers.slice(0, 99)
      .map((customer) => customer.id),
  },
  {
    ids: [
      ...ADDED.slice(0, 9).map((customer) => customer.id),
      ...ADDED.slice(100, 150).map((customer) => customer.id),
      'cust-no-such',
      ADDED[0]!.id,
    ],
  },
  { ids: [] },
];

/** The seed with history (so some customers belong to a live chat), and {@link ADDED} after it. */
function seedData(): SeedData {
  const seed = createSeedData({ now: NOW });
  return { ...seed, customers: [...seed.customers, ...ADDED] };
}

/** The bulk customers who write to Customer Support, so staff of only other live chats may not contact them. */
const WRITERS = ADDED.filter((customer) => /^Bulk Customer (0|10|11)/.test(customer.name));

/** Each of {@link WRITERS} writes to Customer Support through `backend`. */
async function writeToSupport(backend: {
  customerWrites(input: CustomerMessageInput): unknown;
}): Promise<void> {
  for (const customer of WRITERS) {
    const written = (await backend.customerWrites({
      customerId: customer.id,
      liveChatId: SEED_LIVE_CHATS.support,
      channel: 'telegram',
      text: 'Hello',
    })) as { ok: boolean };
    assert.ok(written.ok, JSON.stringify(written));
  }
}

/**
 * A writer to Customer Support writes to the Website Help Desk too: a customer of both live
 * chats (after the reads compared with the memory backend's).
 */
async function writeToHelpDesk(backend: {
  customerWrites(input: CustomerMessageInput): unknown;
}): Promise<void> {
  const written = (await backend.customerWrites({
    customerId: WRITERS[0]!.id,
    liveChatId: SEED_LIVE_CHATS.helpDesk,
    channel: 'web',
    text: 'Hello again',
  })) as { ok: boolean };
  assert.ok(written.ok, JSON.stringify(written));
}

/** One store's customer search. */
interface Searcher {
  customers(): Promise<Customer[]>;
  page(needle: string, after: Id | undefined, limit: number): Promise<Customer[]>;
}

/** Every page of `needle`'s matches, `size` at a time, joined. */
async function allPages(search: Searcher, needle: string, size: number): Promise<Id[]> {
  const ids: Id[] = [];
  for (let after: Id | undefined; ;) {
    const page = await search.page(needle, after, size);
    assert.ok(page.length <= size, `a page of "${needle}" holds at most ${size}`);
    ids.push(...page.map((customer) => customer.id));
    if (page.length < size) return ids;
    after = page.at(-1)!.id;
  }
}

/** The tests of one store's `customersMatching`. */
function searchTests(search: () => Searcher): void {
  it('finds, page by page, exactly what the engine finds among every customer, in their order', async () => {
    const every = await search().customers();
    assert.deepEqual(
      every.slice(-ADDED.length).map((customer) => customer.id),
      ADDED.map((customer) => customer.id),
      'customers() lists them in the order they were added',
    );
    for (const needle of NEEDLES) {
      const expected = every
        .filter((customer) => customerMatches(customer, needle))
        .map((customer) => customer.id);
      for (const size of [1, 7, 100, 1000]) {
        assert.deepEqual(
          await allPages(search(), needle, size),
          expected,
          `"${needle}" by ${size}`,
        );
      }
    }
  });

  it('matches name and account in any case, and `%`, `_` and `\\` only as themselves', async () => {
    const ids = async (needle: string) =>
      (await allPages(search(), customerNeedle(needle), 50)).filter((id) =>
        id.startsWith('cust-search-'),
      );
    assert.deepEqual(await ids('ÉMILE'), ['cust-search-1']);
    assert.deepEqual(await ids('EMILE'), ['cust-search-1', 'cust-search-6'], 'by the account');
    assert.deepEqual(await ids('Emile_Z'), ['cust-search-1']);
    assert.deepEqual(await ids('%'), ['cust-search-2', 'cust-search-9']);
    assert.deepEqual(await ids('100%'), ['cust-search-2']);
    assert.deepEqual(await ids('A_B'), ['cust-search-3']);
    assert.deepEqual(await ids('\\'), ['cust-search-4']);
    assert.deepEqual(await ids('X\\Y'), ['cust-search-4']);
    assert.deepEqual(await ids('YILMAZ'), [], '"I" lower-cases to "i", not to "ı"');
    assert.deepEqual(await ids('yılmaz'), ['cust-search-5']);
    assert.deepEqual(await ids('ilker'), ['cust-search-5'], 'by the account');
    assert.deepEqual(await ids('_off'), ['cust-search-9'], 'an internal customer by name');
  });

  it('starts after an unknown customer with nothing', async () => {
    assert.deepEqual(await search().page('', 'cust-no-such', 10), []);
  });
}

/** Customer reads of `backend` equal those of the memory backend, for staff of each reach. */
async function assertReadsAsMemory(
  memory: MemoryBackend,
  read: (userId: Id, query: CustomerQuery) => Promise<unknown>,
): Promise<void> {
  for (const userId of [anna, elena, maria]) {
    for (const query of QUERIES) {
      const expected = await memory.readCustomers(userId, query);
      assert.ok(expected.ok, JSON.stringify(expected));
      assert.deepEqual(await read(userId, query), expected, `${userId} ${JSON.stringify(query)}`);
    }
  }
}

/**
 * Runs `work` with `customers()` of `prototype` throwing and its `customersMatching` counted:
 * a read through the index must not read every customer.
 */
async function throughIndexOnly<T>(
  prototype: { customers(): unknown; customersMatching(...args: never[]): unknown },
  work: () => Promise<T>,
): Promise<{ value: T; pages: number }> {
  const { customers, customersMatching } = prototype;
  let pages = 0;
  prototype.customers = () => {
    throw new Error('read every customer');
  };
  prototype.customersMatching = function (this: unknown, ...args: never[]) {
    pages++;
    return customersMatching.apply(this, args);
  };
  try {
    return { value: await work(), pages };
  } finally {
    prototype.customers = customers;
    prototype.customersMatching = customersMatching;
  }
}

/**
 * What the per-customer reads answer for every customer (and an unknown one), against the bulk
 * reads of the same ids: each customer's live chats as `latestSessionOf` finds them live chat by
 * live chat, and each customer as `customer` reads them.
 */
interface BulkReads {
  perCustomer: [Id, Id[], Customer | undefined][];
  liveChatsOfCustomers: Map<Id, Id[]>;
  customersWithIds: Customer[];
}

function assertBulkReads({ perCustomer, liveChatsOfCustomers, customersWithIds }: BulkReads): void {
  const expected = new Map(
    perCustomer.filter(([, chats]) => chats.length > 0).map(([id, chats]) => [id, chats.sort()]),
  );
  const actual = new Map(
    [...liveChatsOfCustomers].map(([id, chats]) => [id, [...chats].sort()] as const),
  );
  assert.deepEqual(actual, expected);
  assert.ok(
    [...expected.values()].some((chats) => chats.length > 1),
    'some customer has sessions in two live chats',
  );
  assert.ok(
    perCustomer.some(([, chats, customer]) => customer && chats.length === 0),
    'some customer has no session',
  );
  const byId = (customers: Customer[]) =>
    new Map(customers.map((customer) => [customer.id, customer] as const));
  assert.deepEqual(
    byId(customersWithIds),
    byId(perCustomer.flatMap(([, , customer]) => (customer ? [customer] : []))),
  );
}

/** The ids the bulk reads are asked about: every customer's, and an unknown one. */
const bulkIds = (customers: Iterable<Customer>): Id[] => [
  ...[...customers].map((customer) => customer.id),
  'cust-no-such',
];

describe('customer search on SQLite', () => {
  let dir: TempDir;
  let backend: SqliteBackend;
  let memory: MemoryBackend;

  before(async () => {
    dir = createTempDir();
    backend = openTestBackend(dir.path, { seed: seedData(), now: () => NOW });
    memory = createMemoryBackend({ seed: seedData(), now: () => NOW });
    await writeToSupport(backend);
    await writeToSupport(memory);
  });

  after(async () => {
    await backend.dispose();
    memory.dispose();
    dir.remove();
  });

  searchTests(() => ({
    customers: () => Promise.resolve(backend.store.run((tx) => [...tx.customers()], true)),
    page: (needle, after, limit) =>
      Promise.resolve(backend.store.run((tx) => tx.customersMatching(needle, after, limit), true)),
  }));

  it('answers customer reads as the memory backend does, a page at a time', async () => {
    const { pages } = await throughIndexOnly(SqliteTransaction.prototype, () =>
      assertReadsAsMemory(memory, (userId, query) =>
        Promise.resolve(backend.readCustomers(userId, query)),
      ),
    );
    assert.ok(pages > 0);
    const one = await throughIndexOnly(SqliteTransaction.prototype, () =>
      Promise.resolve(backend.readCustomers(anna, { text: '', limit: 5 })),
    );
    assert.equal(one.pages, 1, 'the first page holds the first five');
    // Elena may contact none of the first 120 bulk customers: the read goes on to the next page.
    const elenas = await throughIndexOnly(SqliteTransaction.prototype, () =>
      Promise.resolve(backend.readCustomers(elena, { text: 'bulk', limit: 5 })),
    );
    assert.equal(elenas.pages, 2);
    assert.deepEqual(elenas.value, memory.readCustomers(elena, { text: 'bulk', limit: 5 }));
  });

  it('keeps a renamed customer in its place, found by its new name only', () => {
    const renamed = { ...ADDED[1]!, name: 'Renamed Ünicorn' } as Customer;
    backend.store.run((tx) => tx.putCustomer(renamed));
    const page = (needle: string) =>
      backend.store
        .run((tx) => tx.customersMatching(customerNeedle(needle), undefined, 1000), true)
        .map((customer) => customer.id);
    assert.deepEqual(page('ÜNICORN'), [renamed.id]);
    assert.deepEqual(page('100% pure'), []);
    const every = backend.store.run((tx) => [...tx.customers()], true).map((c) => c.id);
    assert.deepEqual(
      every.slice(-ADDED.length),
      ADDED.map((customer) => customer.id),
    );
  });

  it('fills in the customers a database held before migration 11', () => {
    const file = path.join(dir.path, 'older.sqlite3');
    const db = openDatabase({ file });
    migrate(db, MIGRATIONS.slice(0, 10));
    const insert = db.prepare('INSERT INTO customers (id, kind, name, data) VALUES (?, ?, ?, ?)');
    const stored = [
      ...ADDED.slice(0, 9),
      ...Array.from({ length: 1500 }, (_, i) => external(1000 + i, `Old ${i}`, `OLD_${i}`)),
    ];
    for (const customer of stored) {
      insert.run(customer.id, customer.kind, customer.name, JSON.stringify(customer));
    }
    db.close();
    const store = openSqliteStore({ file });
    try {
      assert.deepEqual(store.migrations.applied, [11]);
      const ids = (needle: string) =>
        store
          .run((tx) => tx.customersMatching(customerNeedle(needle), undefined, 5000), true)
          .map((customer) => customer.id);
      assert.deepEqual(ids('EMILE_z'), ['cust-search-1']);
      assert.deepEqual(ids('OLD_1499'), ['cust-search-2499']);
      assert.deepEqual(ids('old 1499'), ['cust-search-2499']);
      assert.equal(ids('').length, stored.length);
    } finally {
      store.close();
    }
  });

  it('reads customers and their live chats in bulk as it reads them one by one', async () => {
    await writeToHelpDesk(backend);
    assertBulkReads(
      backend.store.run((tx) => {
        const ids = bulkIds(tx.customers());
        const chats = [...tx.liveChats()].map((chat) => chat.id);
        return {
          perCustomer: ids.map((id) => [
            id,
            chats.filter((chat) => tx.latestSessionOf(id, chat)),
            tx.customer(id),
          ]),
          liveChatsOfCustomers: tx.liveChatsOfCustomers(ids),
          customersWithIds: tx.customersWithIds(ids),
        };
      }, true),
    );
    backend.store.run((tx) => {
      assert.deepEqual(tx.liveChatsOfCustomers([]), new Map());
      assert.deepEqual(tx.customersWithIds([]), []);
    }, true);
  });
});

describeWithPostgres('customer search on PostgreSQL', (server) => {
  let backend: PostgresBackend;
  let memory: MemoryBackend;

  before(async () => {
    backend = await createPostgresBackend({
      url: await server().createDatabase(),
      seed: seedData(),
      now: () => NOW,
      pruneIntervalMs: 0,
      pollIntervalMs: 0,
    });
    memory = createMemoryBackend({ seed: seedData(), now: () => NOW });
    await writeToSupport(backend);
    await writeToSupport(memory);
  });

  after(async () => {
    await backend?.dispose();
    memory?.dispose();
  });

  searchTests(() => ({
    customers: () => backend.store.run(async (tx) => [...(await tx.customers())], true),
    page: (needle, after, limit) =>
      backend.store.run((tx) => tx.customersMatching(needle, after, limit), true),
  }));

  it('answers customer reads as the memory backend does, a page at a time', async () => {
    const { pages } = await throughIndexOnly(PostgresTransaction.prototype, () =>
      assertReadsAsMemory(memory, (userId, query) => backend.readCustomers(userId, query)),
    );
    assert.ok(pages > 0);
    const one = await throughIndexOnly(PostgresTransaction.prototype, () =>
      backend.readCustomers(anna, { text: '', limit: 5 }),
    );
    assert.equal(one.pages, 1, 'the first page holds the first five');
    // Elena may contact none of the first 120 bulk customers: the read goes on to the next page.
    const elenas = await throughIndexOnly(PostgresTransaction.prototype, () =>
      backend.readCustomers(elena, { text: 'bulk', limit: 5 }),
    );
    assert.equal(elenas.pages, 2);
    assert.deepEqual(elenas.value, memory.readCustomers(elena, { text: 'bulk', limit: 5 }));
  });

  it('fills in the customers a database held before migration 8, and indexes them', async () => {
    const url = await server().createDatabase();
    const client = new pg.Client(clientConfig(url));
    await client.connect();
    const stored = [
      ...ADDED.slice(0, 9),
      ...Array.from({ length: 1500 }, (_, i) => external(1000 + i, `Old ${i}`, `OLD_${i}`)),
    ];
    try {
      await migratePostgres(client, POSTGRES_MIGRATIONS.slice(0, 7));
      for (const customer of stored) {
        await client.query('INSERT INTO customers (id, kind, name, data) VALUES ($1, $2, $3, $4)', [
          customer.id,
          customer.kind,
          customer.name,
          JSON.stringify(customer),
        ]);
      }
    } finally {
      await client.end();
    }
    const store = await openPostgresStore({ url });
    try {
      assert.deepEqual(store.migrations.applied, [8]);
      const ids = async (needle: string) =>
        (
          await store.run(
            (tx) => tx.customersMatching(customerNeedle(needle), undefined, 5000),
            true,
          )
        ).map((customer) => customer.id);
      assert.deepEqual(await ids('EMILE_z'), ['cust-search-1']);
      assert.deepEqual(await ids('OLD_1499'), ['cust-search-2499']);
      assert.deepEqual(await ids('old 1499'), ['cust-search-2499']);
      assert.equal((await ids('')).length, stored.length);
      const { rows } = await store.pool.query<{ indexname: string }>(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'customers' AND indexname LIKE '%trigrams' ORDER BY 1",
      );
      assert.deepEqual(
        rows.map((row) => row.indexname),
        ['customers_account_trigrams', 'customers_name_trigrams'],
      );
    } finally {
      await store.close();
    }
  });

  it('reads customers and their live chats in bulk as it reads them one by one', async () => {
    await writeToHelpDesk(backend);
    assertBulkReads(
      await backend.store.run(async (tx) => {
        const ids = bulkIds(await tx.customers());
        const chats = [...(await tx.liveChats())].map((chat) => chat.id);
        const perCustomer: BulkReads['perCustomer'] = [];
        for (const id of ids) {
          const found: Id[] = [];
          for (const chat of chats) if (await tx.latestSessionOf(id, chat)) found.push(chat);
          perCustomer.push([id, found, await tx.customer(id)]);
        }
        return {
          perCustomer,
          liveChatsOfCustomers: await tx.liveChatsOfCustomers(ids),
          customersWithIds: await tx.customersWithIds(ids),
        };
      }, true),
    );
    await backend.store.run(async (tx) => {
      assert.deepEqual(await tx.liveChatsOfCustomers([]), new Map());
      assert.deepEqual(await tx.customersWithIds([]), []);
    }, true);
  });
});
