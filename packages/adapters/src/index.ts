/**
 * @packageDocumentation
 * `@live-chat/adapters`: backends for the Live Chat Workspace. The in-memory backend is a
 * complete, rule-enforcing backend that runs in the page (optionally persisted to IndexedDB):
 * the engine of `@live-chat/core/engine` over an in-memory store, with deterministic seed data
 * and a customer simulator for demos, stories and tests. The
 * adapter conformance suite is published separately as `@live-chat/adapters/conformance`.
 *
 * @module \@live-chat/adapters
 */

/** The package version. */
export const VERSION = '0.1.0';

export { MemoryBackend, createMemoryBackend } from './memory/backend.js';
export type { MemoryBackendOptions } from './memory/backend.js';
export { MemoryAdapter } from './memory/adapter.js';
export type { MemoryAdapterOptions } from './memory/adapter.js';
export { openMemoryBackend } from './memory/open.js';
export type { OpenMemoryBackendOptions } from './memory/open.js';
export type { CustomerMessageInput, CustomerWriteValue, NewCustomer } from '@live-chat/core/engine';
export type {
  BackendPersistence,
  BackendState,
  ReadMarker,
  SeedData,
  UserActivity,
} from './memory/state.js';
export { isBackendState, savedStreamSeqs, seedNextId } from './memory/state.js';
export { createSeedData, SEED_GROUPS, SEED_LIVE_CHATS, SEED_USERS } from './memory/seed.js';
export type { SeedOptions } from './memory/seed.js';
export { createCustomerSimulator } from './memory/simulator.js';
export type {
  CustomerSimulator,
  CustomerSimulatorOptions,
  Scheduler,
  SimulatedMessage,
  SimulatedCustomerMessage,
} from './memory/simulator.js';
export { createRandom } from './memory/random.js';
export type { Random } from './memory/random.js';
export {
  createMemoryConformanceHarness,
  seedConformanceHarness,
} from './memory/conformance-harness.js';
export type { SeedHarnessParts } from './memory/conformance-harness.js';
export { createIndexedDbPersistence } from './indexeddb/persistence.js';
export { createIndexedDbOutbox } from './indexeddb/outbox.js';
export type { IndexedDbOutboxOptions } from './indexeddb/outbox.js';
export type { IndexedDbPersistence, IndexedDbPersistenceOptions } from './indexeddb/persistence.js';
export { forwardingAdapter } from './forwarding-adapter.js';
export {
  createTabSharedAdapter,
  DEFAULT_TAB_REQUEST_TIMEOUT_MS,
} from './tabs/tab-shared-adapter.js';
export type {
  TabChannel,
  TabChannelListener,
  TabLocks,
  TabSharedAdapter,
  TabSharedAdapterOptions,
} from './tabs/types.js';
export {
  createWebSocketAdapter,
  WebSocketAdapter,
  WEBSOCKET_ADAPTER_DEFAULTS,
} from './websocket/adapter.js';
export type {
  ConnectionFailure,
  WebSocketAdapterOptions,
  WebSocketConstructor,
  WebSocketLike,
} from './websocket/adapter.js';
export {
  CLOSE_CODES,
  isRateLimited,
  RATE_LIMITED,
  WIRE_OPS,
  WIRE_PROTOCOL,
} from './websocket/wire.js';
export type {
  WireAuthRequest,
  WireCustomersRequest,
  WireEventFrame,
  WireEventsRequest,
  WireExecuteRequest,
  WireHistoryRequest,
  WireLimits,
  WireOp,
  WirePingRequest,
  WirePong,
  WireReportRequest,
  WireRequest,
  WireRequestId,
  WireResponse,
  WireSearchRequest,
  WireServerFrame,
  WireSnapshotRequest,
  WireStreamErrorFrame,
  WireTypingFrame,
  WireTypingRequest,
  WireUnsubscribeRequest,
  WireWelcome,
} from './websocket/wire.js';
