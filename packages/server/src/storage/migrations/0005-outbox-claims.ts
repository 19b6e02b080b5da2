/**
 * Outbound delivery claims: the process attempting a delivery (`claimed_by`) and until when its
 * claim holds (`claimed_until`), the same columns as in PostgreSQL, so one channel store serves
 * both databases. Until now the claim was kept in `next_attempt_at`; pending rows start
 * unclaimed and are due as they were.
 */
import type { Migration } from './migration.js';

export const outboxClaims: Migration = {
  version: 5,
  name: 'outbox-claims',
  up(db) {
    db.exec(`
      ALTER TABLE channel_outbox ADD COLUMN claimed_by TEXT;
      ALTER TABLE channel_outbox ADD COLUMN claimed_until INTEGER;
    `);
  },
};
