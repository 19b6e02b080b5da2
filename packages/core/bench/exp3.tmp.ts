import { WorkspaceStore } from '../src/client/store.js';
import { generate } from './generate.js';
import { PerformanceObserver } from 'node:perf_hooks';
const worlds = (process.argv[2] ? [Number(process.argv[2])] : [1000, 100000]).map((n) => generate(n, 0xc0ffee + n));
let gcMs = 0; let gcCount = 0;
const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) { gcMs += e.duration; gcCount++; } });
obs.observe({ entryTypes: ['gc'] });
for (let r = 0; r < 4; r++) {
  for (const [i, world] of worlds.entries()) {
    const store = new WorkspaceStore(); store.applySnapshot(world.snapshot);
    (globalThis as any).gc?.();
    await new Promise((r) => setTimeout(r, 10));
    gcMs = 0; gcCount = 0;
    const t = process.cpuUsage();
    for (const e of world.events) store.applyEvent(e);
    const u = process.cpuUsage(t);
    await new Promise((r) => setTimeout(r, 10));
    console.log(i ? '100k' : '  1k', ((u.user + u.system) * 1000 / world.events.length).toFixed(0), 'ns/event;', gcCount, 'gcs', (gcMs * 1e6 / world.events.length).toFixed(0), 'ns/event in gc');
  }
}
