// The fault-injection suite of `@live-chat/adapters/testing` with its clients spread round robin
// over three server instances on one PostgreSQL database (each its own PostgresBackend and
// server), over real WebSockets, while connections drop, paths go dead or slow and instances
// restart. Customers write through the first instance and the checks read the truth through
// it; live delivery between instances is LISTEN/NOTIFY. Once the faults stop, every client must
// equal the database: nothing lost or doubled, counters, lists and conversations equal,
// nothing stuck.
import { it } from 'node:test';
import type { MessageListener } from '@live-chat/core/engine';
import type { ChaosBackend } from '@live-chat/adapters/testing';
import { runSocketChaosSeed } from '../testing/socket-chaos-run.js';
import { createPostgresBackend, type PostgresBackend } from './backend.js';
import { describeWithPostgres } from './testing/pg-server.js';

const SEEDS = [1, 2];
const INSTANCES = 3;

/** The run's backend on a cluster: reads and customers through one instance, messages from all. */
function clusterBackend(instances: readonly PostgresBackend[]): ChaosBackend {
  const [first] = instances as [PostgresBackend];
  return {
    now: () => first.now(),
    snapshot: (userId) => first.snapshot(userId),
    sessions: () => first.sessions(),
    getSession: (sessionId) => first.getSession(sessionId),
    messagesOf: (sessionId) => first.messagesOf(sessionId),
    addCustomer: (input) => first.addCustomer(input),
    customerWrites: (input) => first.customerWrites(input),
    onMessage(listener: MessageListener) {
      const stops = instances.map((instance) => instance.onMessage(listener));
      return () => stops.forEach((stop) => stop());
    },
  };
}

describeWithPostgres('fault injection over three instances on PostgreSQL', (server) => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: after the faults, every client equals the database`, async () => {
      await runSocketChaosSeed(seed, async (setup) => {
        const url = await server().createDatabase();
        const data = setup.seedData();
        const instances: PostgresBackend[] = [];
        for (let i = 0; i < INSTANCES; i++) {
          instances.push(
            await createPostgresBackend({
              url,
              seed: data,
              now: () => setup.clock.now(),
              pruneIntervalMs: 0,
            }),
          );
        }
        return {
          backends: instances,
          truth: clusterBackend(instances),
          release: async () => {
            await Promise.all(instances.map((instance) => instance.dispose()));
          },
        };
      });
    });
  }
});
