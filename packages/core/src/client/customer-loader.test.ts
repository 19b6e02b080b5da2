import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Customer } from '../domain/types.js';
import type { CustomerQuery, TransportAdapter } from '../protocol/adapter.js';
import { createLiveChatClient } from './client.js';
import { createFakeAdapter } from './testing/fake-adapter.js';
import { DIRECTORY, makeSession, makeSnapshot } from './testing/fixtures.js';
import { record, settle, until, whenReady } from './testing/helpers.js';
import type { CustomerState } from './views.js';

const ANNA = DIRECTORY.customers[0] as Customer;
const BORIS = DIRECTORY.customers[1] as Customer;

/** A pending read the test answers (or fails) when it wants. */
interface PendingRead {
  query: CustomerQuery;
  resolve: (customers: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * A client over the fake adapter whose snapshot carries no customers, and whose `customers`
 * read waits for the test: `reads` lists what it was asked, in order.
 */
async function setup(sessions = [makeSession('s1'), makeSession('s2', { customerId: 'c-2' })]) {
  const fake = createFakeAdapter({ initial: makeSnapshot({ customers: [], sessions }) });
  const reads: PendingRead[] = [];
  const adapter: TransportAdapter = {
    ...fake.adapter,
    customers: (query) =>
      new Promise((resolve, reject) =>
        reads.push({ query, resolve: resolve as (value: unknown) => void, reject }),
      ),
  };
  const client = createLiveChatClient({ adapter, requestTimeoutMs: 60_000 });
  await whenReady(client);
  return { fake, client, reads };
}

/** Answers a read by id from the fixture directory (leaving out what it does not hold). */
function answerFromDirectory(read: PendingRead): void {
  const ids = 'ids' in read.query ? read.query.ids : [];
  read.resolve(DIRECTORY.customers.filter((customer) => ids.includes(customer.id)));
}

describe('customers on demand', () => {
  it('reads the customers asked for in one batch, and the session views then carry them', async () => {
    const { client, reads } = await setup();
    const views = record(client.session$('s2'));
    assert.equal(views.values.at(-1)?.customer, undefined);
    client.loadCustomers(['c-1', 'c-2']);
    client.loadCustomers(['c-1']);
    await settle();
    // session$ asked for c-2 too, in the same run: one read holds every id, each once.
    assert.equal(reads.length, 1);
    assert.deepEqual(
      [...(reads[0] as PendingRead & { query: { ids: string[] } }).query.ids].sort(),
      ['c-1', 'c-2'],
    );
    answerFromDirectory(reads[0] as PendingRead);
    await until(() => views.values.at(-1)?.customer !== undefined);
    assert.deepEqual(views.values.at(-1)?.customer, BORIS);
    assert.deepEqual(client.getCustomer('c-1'), ANNA);
    assert.equal(client.getSession('s1')?.customer?.name, 'Anna');
    client.loadCustomers(['c-1', 'c-2']);
    await settle();
    assert.equal(reads.length, 1, 'loaded customers are not read again');
    client.dispose();
  });

  it('customer$ names each state: loading, loaded, unavailable, failed, and retries a failure', async () => {
    const { client, reads } = await setup([]);
    const anna = record(client.customer$('c-1'));
    const nobody = record(client.customer$('c-404'));
    await settle();
    assert.equal(anna.values.at(-1)?.status, 'loading');
    assert.equal(nobody.values.at(-1)?.status, 'loading');
    (reads[0] as PendingRead).reject({ code: 'OFFLINE', message: 'No network.' });
    await until(() => anna.values.at(-1)?.status === 'failed');
    const failed = anna.values.at(-1) as Extract<CustomerState, { status: 'failed' }>;
    assert.equal(failed.error.code, 'OFFLINE');
    client.loadCustomers(['c-1', 'c-404']);
    await settle();
    assert.equal(reads.length, 2, 'a failed read is tried again when asked');
    answerFromDirectory(reads[1] as PendingRead);
    await until(() => anna.values.at(-1)?.status === 'loaded');
    assert.deepEqual(anna.values.at(-1), { status: 'loaded', customer: ANNA });
    assert.equal(nobody.values.at(-1)?.status, 'unavailable');
    client.loadCustomers(['c-404']);
    await settle();
    assert.equal(reads.length, 2, 'an unavailable customer is not asked for again');
    client.dispose();
  });

  it('failed reads are tried again when the connection comes back', async () => {
    const { fake, client, reads } = await setup([]);
    client.loadCustomers(['c-2']);
    await settle();
    (reads[0] as PendingRead).reject({ code: 'OFFLINE', message: 'No network.' });
    await settle();
    fake.setConnection('reconnecting');
    fake.setConnection('online');
    await until(() => reads.length === 2);
    answerFromDirectory(reads[1] as PendingRead);
    await until(() => client.getCustomer('c-2') !== undefined);
    client.dispose();
  });

  it('an answer never overwrites what an event brought, and answers refused as invalid apply nothing', async () => {
    const { fake, client, reads } = await setup();
    client.loadCustomers(['c-1', 'c-2']);
    await settle();
    const renamed: Customer = { ...ANNA, name: 'Anna Petrova' };
    fake.emit({ type: 'customer.upserted', customer: renamed });
    await settle();
    // The answer was read before the rename: it must not bring the old name back.
    (reads[0] as PendingRead).resolve([ANNA, BORIS]);
    await until(() => client.getCustomer('c-2') !== undefined);
    assert.equal(client.getCustomer('c-1')?.name, 'Anna Petrova');

    const states = record(client.customer$('c-3'));
    await settle();
    (reads[1] as PendingRead).resolve([{ id: 'c-3', kind: 'internal', name: 42 }]);
    await until(() => states.values.at(-1)?.status === 'failed');
    const failed = states.values.at(-1) as Extract<CustomerState, { status: 'failed' }>;
    assert.equal(failed.error.code, 'INVALID_DATA');
    assert.equal(client.getCustomer('c-3'), undefined);
    client.dispose();
  });

  it('after a resync, what was loaded is read again, and answers to reads sent before it are dropped', async () => {
    const { fake, client, reads } = await setup();
    client.loadCustomers(['c-1']);
    await settle();
    answerFromDirectory(reads[0] as PendingRead);
    await until(() => client.getCustomer('c-1') !== undefined);
    client.loadCustomers(['c-2']);
    await settle();
    assert.equal(reads.length, 2);
    fake.failStream({ code: 'RESYNC_REQUIRED', message: 'Take a new snapshot.' });
    await until(() => reads.length === 3);
    assert.equal(client.getCustomer('c-1'), undefined, 'the new snapshot replaced the customers');
    assert.deepEqual([...((reads[2] as PendingRead).query as { ids: string[] }).ids].sort(), [
      'c-1',
      'c-2',
    ]);
    // The read sent before the resync answers late: dropped, the new one decides.
    (reads[1] as PendingRead).resolve([{ ...BORIS, name: 'Boris (stale)' }]);
    await settle();
    assert.equal(client.getCustomer('c-2'), undefined);
    answerFromDirectory(reads[2] as PendingRead);
    await until(() => client.getCustomer('c-2') !== undefined);
    assert.equal(client.getCustomer('c-2')?.name, 'Boris');
    assert.equal(client.getCustomer('c-1')?.name, 'Anna');
    client.dispose();
  });

  it('findCustomers reads the backend, fills the store, and passes a refusal on', async () => {
    const { client, reads } = await setup([]);
    const found = client.findCustomers('bor', { limit: 5 });
    await settle();
    assert.deepEqual(reads[0]?.query, { text: 'bor', limit: 5 });
    (reads[0] as PendingRead).resolve([BORIS]);
    assert.deepEqual(await found, { ok: true, value: [BORIS] });
    assert.deepEqual(client.getCustomer('c-2'), BORIS);
    const refused = client.findCustomers('x');
    await settle();
    (reads[1] as PendingRead).reject({ code: 'FORBIDDEN', message: 'No.' });
    const result = await refused;
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'FORBIDDEN');
    client.dispose();
  });

  it('with an adapter that reads no customers, the snapshot’s are used and nothing is read', async () => {
    const fake = createFakeAdapter({ initial: makeSnapshot({ sessions: [makeSession('s1')] }) });
    const client = createLiveChatClient({ adapter: fake.adapter });
    await whenReady(client);
    client.loadCustomers(['c-404']);
    assert.equal(client.getSession('s1')?.customer?.name, 'Anna');
    const states = record(client.customer$('c-404'));
    assert.equal(states.values.at(-1)?.status, 'unavailable');
    const found = await client.findCustomers('  BORIS@ ');
    assert.deepEqual(found, { ok: true, value: [BORIS] });
    client.dispose();
  });

  it('a backend that answers NOT_FOUND reads no customers: the snapshot’s are matched instead', async () => {
    const fake = createFakeAdapter({ initial: makeSnapshot({ sessions: [makeSession('s1')] }) });
    let reads = 0;
    const adapter: TransportAdapter = {
      ...fake.adapter,
      customers: () => {
        reads++;
        return Promise.reject({ code: 'NOT_FOUND', message: 'No customer reads here.' });
      },
    };
    const client = createLiveChatClient({ adapter });
    await whenReady(client);
    const states = record(client.customer$('c-404'));
    await until(() => states.values.at(-1)?.status === 'unavailable');
    assert.deepEqual(await client.findCustomers('anna'), { ok: true, value: [ANNA] });
    client.loadCustomers(['c-405']);
    await settle();
    assert.equal(reads, 1, 'nothing is read once the backend said it reads no customers');
    client.dispose();
  });
});
