/**
 * Test support: clients of a memory backend that a test releases at its end, and the customer
 * side of a story (a new customer's first message).
 */
import { filter, firstValueFrom } from 'rxjs';
import {
  createLiveChatClient,
  type LiveChatClient,
  type LiveChatClientOptions,
} from '@live-chat/core';
import type { MemoryBackend } from '../backend.js';
import { SEED_LIVE_CHATS } from '../seed.js';

/** What a test registered to release at its end (call {@link releaseAll} in `afterEach`). */
const disposers: (() => void)[] = [];

/** Registers `dispose` to run at {@link releaseAll}. */
export function releaseLater(dispose: () => void): void {
  disposers.push(dispose);
}

/** Runs and forgets everything registered with {@link releaseLater}, newest last. */
export function releaseAll(): void {
  for (const dispose of disposers.splice(0)) dispose();
}

/** Polls `check` every 5 ms for up to 2 s. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

/** A client of `userId` over its own adapter, once its first snapshot is applied. */
export async function clientOf(
  backend: MemoryBackend,
  userId: string,
  options: Partial<LiveChatClientOptions> = {},
): Promise<LiveChatClient> {
  const adapter = backend.connect(userId);
  const client = createLiveChatClient({ adapter, ...options });
  releaseLater(() => {
    client.dispose();
    adapter.dispose();
  });
  await firstValueFrom(client.status$.pipe(filter((status) => status.state === 'ready')));
  return client;
}

/** A new Telegram customer's first message to Customer Support: a queued session. */
export function request(
  backend: MemoryBackend,
  name: string,
): { customerId: string; sessionId: string } {
  const customer = backend.addCustomer({
    kind: 'external',
    name,
    account: `@${name.toLowerCase().replace(/\W/g, '')}`,
    messenger: 'telegram',
  });
  if (!customer.ok) throw new Error(customer.error.message);
  const written = backend.customerWrites({
    customerId: customer.value.id,
    liveChatId: SEED_LIVE_CHATS.support,
    channel: 'telegram',
    text: `Hello, this is ${name}`,
  });
  if (!written.ok) throw new Error(written.error.message);
  return { customerId: customer.value.id, sessionId: written.value.session.id };
}
