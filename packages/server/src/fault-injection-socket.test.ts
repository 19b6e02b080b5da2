// The fault-injection suite of `@live-chat/adapters/testing` over real WebSockets: three
// operators, a supervisor, the customers, a reload and a second tab, every tab on
// `createWebSocketAdapter` to one server over the run's memory backend, while connections drop
// on the server's side, paths go dead or slow and the server restarts. Once the faults stop,
// every client must equal the backend: nothing lost or doubled, counters, lists and
// conversations equal, nothing stuck.
import { describe, it } from 'node:test';
import { runSocketChaosSeed } from './testing/socket-chaos-run.js';

const SEEDS = [1, 2, 3];

describe('fault injection over real WebSockets (one server, memory backend)', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: after the faults, every client equals the backend`, async () => {
      await runSocketChaosSeed(seed, async (setup) => ({ backends: [setup.backend] }));
    });
  }
});
