/**
 * @packageDocumentation
 * `@live-chat/adapters/testing`: the seeded fault-injection suite ("sync you can trust").
 *
 * - {@link createVirtualClock}: time that moves only when a test advances it, with an RxJS
 *   scheduler, so a seeded run replays exactly;
 * - {@link createChaosAdapter}: wraps any `TransportAdapter` and injects seeded faults (lost,
 *   duplicated, reordered and stalled events; broken streams; lost answers; hung requests;
 *   connection outages), counted by kind in a {@link FaultPlan};
 * - {@link runChaos}: operators and a supervisor working through clients on chaos adapters
 *   over the memory backend, a reload in mid-flight and a second tab; after the network heals,
 *   every client is checked against the backend's ground truth.
 *
 * ```ts
 * import { runChaos, summaryLine } from '@live-chat/adapters/testing';
 *
 * const report = await runChaos({ seeds: [1, 2, 3], faults: 200 });
 * console.log(summaryLine(report));
 * ```
 *
 * A backend author wraps their own adapter with {@link createChaosAdapter} to see how a client
 * copes with it failing, or passes `connect` to {@link runChaos} to put their transport between
 * the clients and the memory backend.
 *
 * Over a real network, a run takes a real-time clock ({@link createRealTimeClock}) and a
 * `transport` set up before the actors start ({@link ChaosTransport}): servers over the run's
 * backend (or over a {@link ChaosBackend} of their own, such as PostgreSQL), a WebSocket
 * adapter per tab, and faults on the sockets ({@link TransportFaults}).
 *
 * @module \@live-chat/adapters/testing
 */
// Modules whose every export is public.
export * from './clock.js';
export * from './real-time-clock.js';
export * from './plan.js';
export * from './chaos-adapter.js';
export * from './harness.js';
export type { ChaosTransport, ChaosTransportSetup, TransportFaults } from './transport.js';
export type { Awaitable, ChaosBackend, GroundTruth } from './truth.js';
export { networkError, resyncRequired } from './network-errors.js';
export type { NetworkErrorStyle } from './network-errors.js';
export { combineReports, formatViolation, summaryLine } from './report.js';
export type {
  ChaosFigures,
  ChaosReport,
  ChaosRunReport,
  Violation,
  ViolationKind,
} from './report.js';
