/** Test support: the seed's customers that tests write as. */
import type { SeedData } from '@live-chat/adapters';
import type { Customer } from '@live-chat/core';

/** The customers of `seed` who write through Telegram, in seed order. */
export function telegramCustomers(seed: SeedData): Customer[] {
  return seed.customers.filter((c) => c.kind === 'external' && c.messenger === 'telegram');
}
