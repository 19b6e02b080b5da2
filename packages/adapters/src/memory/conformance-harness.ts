/**
 * Conformance harnesses on the seed directory: the memory backend's own (a reference for what a
 * backend hands the suite in `@live-chat/adapters/conformance`, and what this package's own
 * tests run the suite against), and the same cast for any backend that loaded the seed.
 */
import type { Result } from '@live-chat/core';
import type { EngineBackend } from '@live-chat/core/engine';
import type { ConformanceHarness, HarnessCustomerMessage } from '../conformance/harness.js';
import type { MemoryAdapterOptions } from './adapter.js';
import { createMemoryBackend, type MemoryBackendOptions } from './backend.js';
import { createSeedData, SEED_GROUPS, SEED_LIVE_CHATS, SEED_USERS } from './seed.js';
import type { SeedData } from './state.js';

/** What a harness on the seed directory needs besides the seed: the backend's side of it. */
export interface SeedHarnessParts {
  /** A new adapter signed in as `userId` (see {@link ConformanceHarness.adapterFor}). */
  adapterFor: ConformanceHarness['adapterFor'];
  /** The backend's customer side, e.g. `backend.customerWrites`; a refusal fails the check. */
  customerWrites(message: HarnessCustomerMessage): Result<unknown> | PromiseLike<Result<unknown>>;
  /**
   * The backend's side of customer files and typing, e.g. an `EngineBackend` itself (its
   * `customerUpload`, `customerTyping` and `onOperatorTyping`); absent parts skip their checks.
   */
  customerSide?: Pick<EngineBackend, 'customerUpload' | 'customerTyping' | 'onOperatorTyping'>;
  /** Releases the backend. */
  dispose?(): Promise<void> | void;
}

/** The optional customer-side parts of a harness, over a backend's own methods. */
function customerSideOf(
  side: SeedHarnessParts['customerSide'],
): Pick<ConformanceHarness, 'customerUpload' | 'customerTyping' | 'onOperatorTyping'> {
  if (!side) return {};
  return {
    async customerUpload(customerId, file) {
      const result = await side.customerUpload(customerId, file);
      if (!result.ok)
        throw new Error(`customerUpload failed: ${result.error.code} ${result.error.message}`);
      return result.value.id;
    },
    async customerTyping(customerId, liveChatId, typing) {
      await side.customerTyping(customerId, liveChatId, typing);
    },
    onOperatorTyping: (listener) =>
      side.onOperatorTyping((session, userId, typing) => listener(session.id, userId, typing)),
  };
}

/**
 * A {@link ConformanceHarness} over a backend that loaded `seed` (the seed directory of
 * {@link createSeedData}, without history): Customer Support, Anna and Ben as operators A and B,
 * Maria as supervisor, Elena (Help Desk only) as the outsider, an internal user as the user who
 * is not staff, the Accounting Department as the group, the customers who write through
 * Telegram, and a customer who writes by email as the contact of no live chat yet.
 */
export function seedConformanceHarness(
  seed: SeedData,
  parts: SeedHarnessParts,
): ConformanceHarness {
  const telegramCustomers = seed.customers.filter(
    (customer) => customer.kind === 'external' && customer.messenger === 'telegram',
  );
  const contact = seed.customers.find(
    (customer) =>
      customer.kind === 'external' &&
      customer.messenger === 'email' &&
      !seed.sessions?.some((session) => session.customerId === customer.id),
  );
  const internal = seed.users.find((user) => user.role === 'internal');
  return {
    adapterFor: parts.adapterFor,
    async customerWrites(message) {
      const result = await parts.customerWrites(message);
      if (!result.ok) {
        throw new Error(`customerWrites failed: ${result.error.code} ${result.error.message}`);
      }
    },
    ...customerSideOf(parts.customerSide),
    users: {
      operatorA: SEED_USERS.operatorA,
      operatorB: SEED_USERS.operatorB,
      supervisor: SEED_USERS.supervisor,
      outsider: SEED_USERS.operatorE,
      ...(internal && { internal: internal.id }),
    },
    liveChatId: SEED_LIVE_CHATS.support,
    channel: 'telegram',
    customerIds: telegramCustomers.map((customer) => customer.id),
    ...(contact && { contactId: contact.id }),
    group: { groupId: SEED_GROUPS.accounting },
    dispose: parts.dispose,
  };
}

/** A fresh memory backend on the seed directory (no history yet), as a {@link seedConformanceHarness}. */
export function createMemoryConformanceHarness(
  options: Omit<MemoryBackendOptions, 'seed'> & MemoryAdapterOptions = {},
): ConformanceHarness {
  const { latencyMs, ...backendOptions } = options;
  const seed = createSeedData({ history: false });
  const backend = createMemoryBackend({ ...backendOptions, seed });
  return seedConformanceHarness(seed, {
    adapterFor: (userId) => backend.connect(userId, { latencyMs }),
    customerWrites: (message) => backend.customerWrites(message),
    customerSide: backend,
    dispose: () => backend.dispose(),
  });
}
