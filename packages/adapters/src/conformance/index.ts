/**
 * @packageDocumentation
 * `@live-chat/adapters/conformance`: the adapter conformance suite. A backend proves it keeps the
 * `TransportAdapter` contract (state machine, atomic take, idempotency, seq-numbered streams that
 * replay, typed errors, scoped reads) by passing these checks:
 *
 * ```ts
 * import { describe, it } from 'node:test';
 * import { runAdapterConformance } from '@live-chat/adapters/conformance';
 *
 * runAdapterConformance('my backend', async () => createMyHarness(), { describe, it });
 * ```
 *
 * The same call works with mocha's (or web-test-runner's) `describe`/`it`. Without a test
 * framework, {@link conformanceChecks} returns the checks as `{ name, run }` to run yourself.
 *
 * @module \@live-chat/adapters/conformance
 */
import { CHECKS } from './checks.js';
import type { ConformanceCheck, ConformanceFactory, ConformanceOptions } from './harness.js';
import { Probe } from './probe.js';

export type {
  ConformanceCheck,
  ConformanceFactory,
  ConformanceHarness,
  ConformanceOptions,
  HarnessCustomerMessage,
} from './harness.js';
export { ConformanceError } from './assert.js';
export { applyEvent, comparable, foldEvents, stateFromSnapshot } from './fold.js';
export type { ComparableState, FoldedState } from './fold.js';

/** A test function: node:test's `it`/`test`, mocha's `it`. */
export type TestFunction = (name: string, run: () => Promise<void>) => unknown;

/** What {@link runAdapterConformance} registers its checks with. */
export interface TestApi extends ConformanceOptions {
  /** Groups the checks under one suite name when given (node:test or mocha `describe`). */
  describe?: (name: string, body: () => void) => unknown;
  /** Registers one check; `test` is accepted as an alias. */
  it?: TestFunction;
  test?: TestFunction;
}

/**
 * The conformance checks as framework-independent `{ name, run }` pairs. Each `run()` creates a
 * fresh harness with `factory`, drives it, and disposes it; it rejects with a
 * {@link ConformanceError} that says what broke.
 */
export function conformanceChecks(
  factory: ConformanceFactory,
  options: ConformanceOptions = {},
): ConformanceCheck[] {
  const timeoutMs = options.timeoutMs ?? 2000;
  return CHECKS.map((definition) => ({
    name: definition.name,
    async run() {
      const probe = new Probe(await factory(), timeoutMs);
      try {
        await definition.run(probe);
      } finally {
        await probe.dispose();
      }
    },
  }));
}

/**
 * Registers the conformance suite for the backend behind `factory` with a test framework:
 * one test per check, inside `describe(name)` when `describe` is given.
 */
export function runAdapterConformance(
  name: string,
  factory: ConformanceFactory,
  api: TestApi,
): void {
  const register = api.it ?? api.test;
  if (!register) throw new TypeError('runAdapterConformance needs an `it` or `test` function.');
  const checks = conformanceChecks(factory, api);
  if (api.describe) {
    api.describe(`${name}: adapter conformance`, () => {
      for (const check of checks) register(check.name, () => check.run());
    });
  } else {
    for (const check of checks) register(`${name}: ${check.name}`, () => check.run());
  }
}
