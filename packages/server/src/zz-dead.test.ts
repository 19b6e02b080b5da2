import { it } from 'node:test';
import { createMemoryBackend, createSeedData, SEED_USERS } from '@live-chat/adapters';
import { createRealTimeClock, type ChaosTransportSetup } from '@live-chat/adapters/testing';
import { startSocketChaos } from './testing/socket-chaos.js';

it('dead path detection', async () => {
  const backend = createMemoryBackend({ seed: createSeedData({ history: false }) });
  const setup = { backend, seedData: () => createSeedData(), clock: createRealTimeClock(), random: () => Math.random } as ChaosTransportSetup;
  const t = await startSocketChaos(setup, { backends: [backend], adapter: { heartbeatMs: 250, reconnectBaseMs: 50, reconnectMaxMs: 400, requestTimeoutMs: 2000 } });
  const t0 = Date.now();
  const a = t.connect(SEED_USERS.operatorA);
  a.connection$.subscribe((s) => console.log(Date.now() - t0, s));
  const sub = a.events(0).subscribe({ next: (e) => console.log(Date.now() - t0, 'event', e.seq), error: (e) => console.log('err', e) });
  await new Promise((r) => setTimeout(r, 500));
  console.log(Date.now() - t0, 'kill');
  await t.faults!.inject('dead-path', Math.random);
  await new Promise((r) => setTimeout(r, 2000));
  console.log(Date.now() - t0, 'snapshot...');
  const s = await a.snapshot().then(() => 'ok', (e) => String(e));
  console.log(Date.now() - t0, 'snapshot', s);
  sub.unsubscribe(); a.dispose?.();
  await t.dispose(); await backend.dispose();
});
