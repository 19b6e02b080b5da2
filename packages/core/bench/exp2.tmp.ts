import { WorkspaceStore } from '../src/client/store.js';
import { reduceSession, reduceUnread, sessionIdOf } from '../src/client/reducers.js';
import { generate } from './generate.js';
const worlds = [1000, 100000].map((n) => generate(n, 0xc0ffee + n));
type Step = (store: any, e: any) => void;
const steps: Record<string, Step> = {
  lookup: (store, e) => { const id = sessionIdOf(e); if (id) store.slots.get(id); },
  reduce: (store, e) => { const id = sessionIdOf(e); if (!id) return; const slot = store.slots.get(id); reduceSession(slot?.session, e); reduceUnread(slot?.unread, e); },
  reduceWrite: (store, e) => { const id = sessionIdOf(e); if (!id) return; const slot = store.slots.get(id); const n = reduceSession(slot?.session, e); if (slot && n) { slot.session = n; } },
  full: (store, e) => store.applyEvent(e),
};
for (const [name, step] of Object.entries(steps)) {
  const best = [Infinity, Infinity];
  for (let r = 0; r < 5; r++) {
    worlds.forEach((world, i) => {
      const store = new WorkspaceStore(); store.applySnapshot(world.snapshot);
      (globalThis as any).gc?.();
      const t = process.cpuUsage();
      for (const e of world.events) step(store, e);
      const u = process.cpuUsage(t);
      best[i] = Math.min(best[i], (u.user + u.system) * 1000 / world.events.length);
    });
  }
  console.log(name.padEnd(12), best.map((b) => b.toFixed(0)), 'diff', (best[1] - best[0]).toFixed(0));
}
