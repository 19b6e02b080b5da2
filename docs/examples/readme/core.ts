import { filter, firstValueFrom } from 'rxjs';
import { createLiveChatClient } from '@live-chat/core';
import { createMemoryBackend, createSeedData, SEED_USERS } from '@live-chat/adapters';

const backend = createMemoryBackend({ seed: createSeedData() });
const client = createLiveChatClient({ adapter: backend.connect(SEED_USERS.operatorA) });

// State is observable (names end in $); each value is replayed to new subscribers.
const counters = client.counters$.subscribe(({ unreadInMySessions, newUnassigned }) => {
  console.log(`${unreadInMySessions} unread in my sessions, ${newUnassigned} new sessions`);
});
await firstValueFrom(client.status$.pipe(filter((status) => status.state === 'ready')));

// Commands are async methods with typed results: they never throw for a refusal.
const oldest = client.oldestQueued();
if (oldest) {
  const taken = await client.take(oldest.session.id);
  if (taken.ok) await client.send(oldest.session.id, 'Hello! How can I help?');
  else console.log(`Not taken: ${taken.error.code}`); // e.g. ALREADY_TAKEN
}

counters.unsubscribe();
client.dispose();
await backend.dispose();
