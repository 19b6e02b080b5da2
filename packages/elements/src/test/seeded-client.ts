/// <reference types="mocha" />
/**
 * Test support: memory backends (the shared seed, or a small one) and clients of them, disposed
 * after each test, and a `waitUntil` that tolerates a busy machine. Relies on the test runner's
 * mocha globals (`afterEach`).
 */
import { createLiveChatClient, type LiveChatClient, type TransportAdapter } from '@live-chat/core';
import {
  createMemoryBackend,
  createSeedData,
  SEED_USERS,
  type MemoryBackendOptions,
  type SeedData,
} from '@live-chat/adapters';

/** The memory backend. */
export type Backend = ReturnType<typeof createMemoryBackend>;
/** An adapter of the memory backend. */
export type Adapter = ReturnType<Backend['connect']>;
/** The client's options, but the adapter. */
export type ClientOptions = Omit<Parameters<typeof createLiveChatClient>[0], 'adapter'>;

/**
 * Waits until `condition` holds, checking every 50 ms; fails with `message` after `timeout`
 * (5 s, which tolerates a busy machine). Unlike `waitUntil` of `@open-wc/testing`, it leaves no
 * timer behind once it has settled, so it does not keep what the condition refers to alive.
 */
export function waitUntil(
  condition: () => unknown,
  message = 'waitUntil timed out',
  options: { timeout?: number; interval?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeout ?? 5000);
  return new Promise((resolve, reject) => {
    const check = async () => {
      try {
        if (await condition()) return resolve();
      } catch (error) {
        return reject(error);
      }
      if (Date.now() >= deadline) reject(new Error(message));
      else setTimeout(check, options.interval ?? 50);
    };
    void check();
  });
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/**
 * What a failed assertion reports of a value it compared. The test runner sends `actual` and
 * `expected` from the page as they are, and a DOM node (or anything holding one, or a client)
 * is a graph it walks without end: the page hangs until the file times out, and no test of the
 * file is reported. Such values are reported as text.
 */
function reportable(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Element) return value.outerHTML.slice(0, 500);
  if (value instanceof Node) return String(value);
  try {
    const json = JSON.stringify(value);
    return json !== undefined && json.length <= 20_000 ? value : String(value);
  } catch {
    return String(value);
  }
}

afterEach(function () {
  const error = this.currentTest?.err as { actual?: unknown; expected?: unknown } | undefined;
  if (!error) return;
  error.actual = reportable(error.actual);
  error.expected = reportable(error.expected);
});

/** Runs `cleanup` after the current test (last registered, first run). */
export const afterThisTest = (cleanup: () => void): void => {
  cleanups.push(cleanup);
};

let seedData: ReturnType<typeof createSeedData> | undefined;
/** The seed (directory and a few days of history), computed once: each backend gets a copy. */
export const seed = () => structuredClone((seedData ??= createSeedData({ now: Date.now() })));

/** A memory backend with `seedData` (a copy of the shared seed by default), disposed after the test. */
export function memoryBackend(
  seedData: SeedData = seed(),
  options: Omit<MemoryBackendOptions, 'seed'> = {},
): Backend {
  const backend = createMemoryBackend({ seed: seedData, ...options });
  afterThisTest(() => void backend.dispose());
  return backend;
}

/** A fixed moment, 25 November 2026 at 12:00 UTC, for tests whose figures depend on the time. */
export const FIXED_NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

/**
 * A memory backend with the shared seed as of {@link FIXED_NOW}, whose clock stands still at
 * that moment, disposed after the test.
 */
export const frozenBackend = (): Backend =>
  memoryBackend(createSeedData({ now: FIXED_NOW }), { now: () => FIXED_NOW });

/** Who a client is and how it connects, for {@link startClient} and the functions built on it. */
export interface ClientSetup {
  /** Who the client is signed in as: operator A of the shared seed by default. */
  userId?: string;
  /** The adapter's simulated latency (0). */
  latencyMs?: number;
  /** Starts the connection offline, so that the client cannot load. */
  offline?: boolean;
  /** More options for the client. */
  client?: ClientOptions;
  /** What the client gets instead of the adapter: a wrapper that counts or holds its calls. */
  wrapAdapter?: (adapter: Adapter) => TransportAdapter;
}

/** A client of `backend`, disposed after the test, returned at once: it is still loading. */
export function startClient(
  backend: Backend,
  setup: ClientSetup = {},
): { adapter: Adapter; client: LiveChatClient } {
  const adapter = backend.connect(setup.userId ?? SEED_USERS.operatorA, {
    latencyMs: setup.latencyMs ?? 0,
  });
  if (setup.offline) adapter.simulateConnection('offline');
  const client = createLiveChatClient({
    adapter: setup.wrapAdapter ? setup.wrapAdapter(adapter) : adapter,
    ...setup.client,
  });
  afterThisTest(() => client.dispose());
  return { adapter, client };
}

/** A client of `backend`, disposed after the test, once it has loaded. */
export async function connectClient(
  backend: Backend,
  setup: ClientSetup = {},
): Promise<{ adapter: Adapter; client: LiveChatClient }> {
  const started = startClient(backend, setup);
  await waitUntil(
    () => started.client.status.state === 'ready',
    `${setup.userId ?? 'client'} ready`,
  );
  return started;
}

/** A backend with the shared seed, an adapter and a ready client (of operator A by default). */
export async function seededClient(
  setup: ClientSetup = {},
): Promise<{ backend: Backend; adapter: Adapter; client: LiveChatClient }> {
  const backend = memoryBackend();
  return { backend, ...(await connectClient(backend, setup)) };
}
