/**
 * Shared event bodies. One change gives each member of a live chat an event of their own (their
 * seq, their unread count), but the message and session (or the alert, the customer…) inside is
 * the same for all of them. Such a body is now stored once, in `event_bodies`; each user's row
 * in `events` keeps only its own fields (`event`, a JSON object without the shared ones) and the
 * body's `pk`. A row without a body holds its whole event, as every row written before does: the
 * existing log keeps serving replays as it is.
 *
 * `event_streams.last_seq` is no longer advanced for every event: a stream's last seq is the
 * larger of it and the seq of its newest event in `events`, and it is brought up to date
 * whenever events are dropped. The index on `events (body)` finds the bodies that dropped events
 * leave without a reader.
 */
import type { Migration } from './migration.js';

/** Migration 10 (see the module comment). */
export const eventBodies: Migration = {
  version: 10,
  name: 'event-bodies',
  up(db) {
    db.exec(`
      CREATE TABLE event_bodies (
        pk   INTEGER PRIMARY KEY,
        body TEXT NOT NULL                        -- JSON object: the fields the recipients share
      );
      ALTER TABLE events ADD COLUMN body INTEGER; -- event_bodies.pk; NULL: "event" is all of it
      CREATE INDEX events_by_body ON events (body) WHERE body IS NOT NULL;
    `);
  },
};
