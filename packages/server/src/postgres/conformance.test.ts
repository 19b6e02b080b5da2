// The PostgreSQL backend keeps the whole TransportAdapter contract: the adapter conformance
// suite, through an in-process adapter, on a fresh database of a real PostgreSQL server per check.
import { after, before, describe, it } from 'node:test';
import { runAdapterConformance } from '@live-chat/adapters/conformance';
import { createPostgresConformanceHarness } from './testing/conformance-harness.js';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from './testing/pg-server.js';

const skip = postgresUnavailable();
if (skip) console.log(skip);

describe('PostgreSQL', { skip }, () => {
  let server: TestPostgres;
  before(async () => {
    server = await startTestPostgres();
  });
  after(async () => {
    await server?.stop();
  });
  runAdapterConformance('PostgreSQL backend', () => createPostgresConformanceHarness(server), {
    describe,
    it,
  });
});
