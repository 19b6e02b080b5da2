import { it } from 'node:test';
import pgm from 'pg';
import { runChaosSeed, createRealTimeClock } from '@live-chat/adapters/testing';
import { createPostgresBackend } from './postgres/backend.js';
import { startTestPostgres } from './postgres/testing/pg-server.js';
import { startSocketChaos } from './testing/socket-chaos.js';

it('times', async () => {
  const pg = await startTestPostgres();
  const t0 = Date.now();
  const log = (...what: unknown[]) => console.log(Date.now() % 100000, ...what);
  const mon = new pgm.Client({ connectionString: pg.url });
  await mon.connect();
  const timer = setInterval(async () => {
    const { rows } = await mon.query(`SELECT pid, state, wait_event_type, wait_event, round(extract(epoch from now() - xact_start)::numeric, 1) AS xact_age, left(query, 90) AS q FROM pg_stat_activity WHERE datname LIKE 'test_%' AND state <> 'idle' AND pid <> pg_backend_pid()`);
    const { rows: counts } = await mon.query(`SELECT state, count(*) FROM pg_stat_activity WHERE datname LIKE 'test_%' GROUP BY state`);
    log('PG', JSON.stringify(counts), rows.length);
    for (const r of rows) if (Number(r.xact_age) > 0.5) log('PG  ', JSON.stringify(r));
  }, 1000);
  const report = await runChaosSeed(1, {
    clock: (startMs) => createRealTimeClock({ startMs, scale: 20 }),
    transport: async (setup) => {
      const url = await pg.createDatabase();
      const instances: Awaited<ReturnType<typeof createPostgresBackend>>[] = [];
      for (let i = 0; i < 3; i++) instances.push(await createPostgresBackend({ url, seed: setup.seedData(), now: () => setup.clock.now(), pruneIntervalMs: 0 }));
      const t = await startSocketChaos(setup, { backends: instances, truth: instances[0] as never, adapter: { heartbeatMs: 250, reconnectBaseMs: 50, reconnectMaxMs: 400, requestTimeoutMs: 2000 },
        release: async () => { log('retries', instances.map((i) => JSON.stringify([...i.store.retriesByCode]))); await Promise.all(instances.map((i) => i.dispose())); } });
      let n = 0;
      return { ...t, connect: (userId) => { const a = t.connect(userId); const k = n++; a.connection$.subscribe((s) => log('tab', k, userId, s)); return a; },
        faults: { ...t.faults!, inject: (kind, r) => { log('inject', kind); return t.faults!.inject(kind, r); } } };
    },
    faults: 20, transportMeanMs: 3000, convergeMs: 200000, durationMs: 60_000, settleMs: 20_000, latencyMs: [0, 0],
    clientOptions: { requestTimeoutMs: 20_000, commandDeadlineMs: 60_000 },
  });
  log('end');
  clearInterval(timer); await mon.end();
  console.log(report.sends, report.violations.length, report.snapshots, report.historyCalls);
  await pg.stop();
});
