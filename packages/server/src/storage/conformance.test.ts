// The SQLite backend keeps the whole TransportAdapter contract: the adapter conformance suite,
// through an in-process adapter, on a fresh database file per check.
import { describe, it } from 'node:test';
import { runAdapterConformance } from '@live-chat/adapters/conformance';
import { createSqliteConformanceHarness } from './testing/conformance-harness.js';

runAdapterConformance('SQLite backend', () => createSqliteConformanceHarness(), { describe, it });
