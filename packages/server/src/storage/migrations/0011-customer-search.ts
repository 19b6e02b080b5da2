/**
 * Customer search: each customer's name and account as a customer search compares them
 * (lower-cased, see core `customerSearchTexts`), in columns of their own, so New Session's search
 * reads the customers that may match, a page at a time in the order they were added, instead of
 * every customer. The customers already stored get theirs here. No index serves a substring
 * `LIKE` on SQLite: a search scans the rows in order and stops when its page is full.
 */
import { customerSearchTexts, type Customer } from '@live-chat/core';
import type { Migration } from './migration.js';
import { ADD_CUSTOMER_SEARCH } from './shared-tables.js';

/** Customers filled in per batch. */
const BATCH = 1000;

export const customerSearch: Migration = {
  version: 11,
  name: 'customer-search',
  up(db) {
    db.exec(ADD_CUSTOMER_SEARCH);
    const read = db.prepare<[number, number], { pk: number; data: string }>(
      'SELECT rowid AS pk, data FROM customers WHERE rowid > ? ORDER BY rowid LIMIT ?',
    );
    const write = db.prepare<[string, string, number]>(
      'UPDATE customers SET name_lower = ?, account_lower = ? WHERE rowid = ?',
    );
    for (let after = 0; ;) {
      const rows = read.all(after, BATCH);
      for (const row of rows) {
        const { name, account } = customerSearchTexts(JSON.parse(row.data) as Customer);
        write.run(name, account, row.pk);
      }
      if (rows.length < BATCH) return;
      after = (rows.at(-1) as { pk: number }).pk;
    }
  },
};
