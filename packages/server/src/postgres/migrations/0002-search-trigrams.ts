/**
 * Search acceleration: trigram GIN indexes over the folded session names and message texts, so
 * the `LIKE '%…%'` candidates of the search hooks come from an index instead of a scan of the
 * live chat's sessions or the session's messages. They need the `pg_trgm` extension; where it
 * cannot be created (not installed, or no privilege), the step records itself without the
 * indexes and search still works by scanning within its scope.
 */
import { withTrigrams, type PostgresMigration } from './migration.js';

export const searchTrigrams: PostgresMigration = {
  version: 2,
  name: 'search-trigrams',
  up: (client) =>
    withTrigrams(
      client,
      `
      CREATE INDEX sessions_name_trigrams ON sessions USING gin (name_folded gin_trgm_ops);
      CREATE INDEX messages_text_trigrams ON messages USING gin (text_folded gin_trgm_ops);
    `,
    ),
};
