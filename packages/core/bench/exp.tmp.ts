import { WorkspaceStore } from '../src/client/store.js';
import { generate } from './generate.js';
const worlds = [1000, 100000].map((n) => generate(n, 0xc0ffee + n));
const best = [Infinity, Infinity];
for (let r = 0; r < 6; r++) {
  worlds.forEach((world, i) => {
    const store = new WorkspaceStore(); store.applySnapshot(world.snapshot);
    (globalThis as any).gc?.();
    const t = process.cpuUsage();
    for (const e of world.events) store.applyEvent(e);
    const u = process.cpuUsage(t);
    best[i] = Math.min(best[i], (u.user + u.system) * 1000 / world.events.length);
  });
}
console.log('store only best ns/event', best.map((b) => b.toFixed(0)), 'ratio', (best[1] / best[0]).toFixed(2));
