// The PostgreSQL backend keeps the whole TransportAdapter contract: the adapter conformance
// suite, through an in-process adapter, on a fresh database of a real PostgreSQL server per check.
import { describe, it } from 'node:test';
import { runAdapterConformance } from '@live-chat/adapters/conformance';
import { createPostgresConformanceHarness } from './testing/conformance-harness.js';
import { describeWithPostgres } from './testing/pg-server.js';

describeWithPostgres('PostgreSQL', (server) => {
  runAdapterConformance('PostgreSQL backend', () => createPostgresConformanceHarness(server()), {
    describe,
    it,
  });
});
