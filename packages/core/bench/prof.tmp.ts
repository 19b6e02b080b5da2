import { Observable, type Subscriber } from 'rxjs';
import { createLiveChatClient } from '../src/client/client.js';
import type { ServerEvent } from '../src/protocol/events.js';
import { generate } from './generate.js';
const size = Number(process.argv[2]);
const world = generate(size, 0xc0ffee + size);
const warm = generate(2000, 7);
async function run(w: typeof world) {
  let stream: Subscriber<ServerEvent> | null = null;
  const client = createLiveChatClient({ adapter: { connection$: new Observable<'online'>((s) => s.next('online')), snapshot: async () => w.snapshot, events: () => new Observable<ServerEvent>((s) => { stream = s; }), execute: null!, history: null!, search: null!, report: null! } });
  await new Promise((res) => setTimeout(res, 50));
  const sub = client.counters$.subscribe();
  const t = performance.now();
  for (let from = 0; from < w.events.length; from += 1000) {
    for (let k = from; k < from + 1000; k++) stream!.next(w.events[k]);
    await new Promise((res) => setImmediate(res));
  }
  const ms = performance.now() - t;
  sub.unsubscribe(); client.dispose();
  return ms;
}
await run(warm);
const times = [];
for (let r = 0; r < 4; r++) times.push(await run(world));
console.log(size, times.map((t) => (t * 1e6 / world.events.length).toFixed(0)).join(' '), 'ns/event wall');
