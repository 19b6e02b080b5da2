/**
 * Customer search, as SQLite's migration 11: each customer's name and account as a customer
 * search compares them (lower-cased, see core `customerSearchTexts`), in columns of their own,
 * filled in here for the customers already stored. Where `pg_trgm` is available (see migration
 * 2), trigram indexes serve their `LIKE '%…%'`; elsewhere a search scans the customers in the
 * order they were added and stops when its page is full.
 */
import { customerSearchTexts, type Customer } from '@live-chat/core';
import { ADD_CUSTOMER_SEARCH } from '../../storage/migrations/shared-tables.js';
import { withTrigrams, type PostgresMigration } from './migration.js';

/** Customers filled in per batch. */
const BATCH = 1000;

/** A stored customer (`pk`, a BIGINT: a number or text, as the client parses it). */
interface Row {
  pk: number | string;
  data: Customer;
}

export const customerSearch: PostgresMigration = {
  version: 8,
  name: 'customer-search',
  async up(client) {
    await client.query(ADD_CUSTOMER_SEARCH);
    for (let after: number | string = 0; ;) {
      const { rows }: { rows: Row[] } = await client.query<Row>(
        'SELECT pk, data FROM customers WHERE pk > $1 ORDER BY pk LIMIT $2',
        [after, BATCH],
      );
      if (rows.length > 0) {
        const texts = rows.map((row) => customerSearchTexts(row.data));
        await client.query(
          `UPDATE customers AS c SET name_lower = v.name, account_lower = v.account
             FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v (pk, name, account)
            WHERE c.pk = v.pk`,
          [
            rows.map((row) => row.pk),
            texts.map((text) => text.name),
            texts.map((text) => text.account),
          ],
        );
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]!.pk;
    }
    await withTrigrams(
      client,
      `CREATE INDEX customers_name_trigrams ON customers USING gin (name_lower gin_trgm_ops);
      CREATE INDEX customers_account_trigrams ON customers USING gin (account_lower gin_trgm_ops);`,
    );
  },
};
