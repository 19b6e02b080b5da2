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
 * @module \@live-chat/adapters/testing
 */
export { createVirtualClock } from './clock.js';
export type { VirtualClock } from './clock.js';
export { createFaultPlan, DEFAULT_FAULT_RATES, FAULT_KINDS, FAULT_SITES } from './plan.js';
export type { FaultKind, FaultPlan, FaultPlanOptions, FaultSite } from './plan.js';
export { createChaosAdapter } from './chaos-adapter.js';
export type {
  ChaosAdapter,
  ChaosAdapterOptions,
  ChaosCalls,
  InjectedFault,
} from './chaos-adapter.js';
export { networkError, resyncRequired } from './network-errors.js';
export type { NetworkErrorStyle } from './network-errors.js';
export { measureRecoveryCost, runChaos, runChaosSeed } from './harness.js';
export type { ChaosOptions, ChaosSuiteReport, ChaosWorld, RecoveryCost } from './harness.js';
export { combineReports, formatViolation, summaryLine } from './report.js';
export type {
  ChaosFigures,
  ChaosReport,
  ChaosRunReport,
  Violation,
  ViolationKind,
} from './report.js';
