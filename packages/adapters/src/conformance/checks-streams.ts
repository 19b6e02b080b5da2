/** Event streams: seq numbering, snapshot + events convergence, replay and resync. */
import type { ServerEvent } from '@live-chat/core';
import { canonical, check, checkEqual, checkJson } from './assert.js';
import { codeOf, collectUntil, firstOf } from './events.js';
import { type CheckDefinition, type Recorder } from './probe.js';
import { scriptedDay } from './scripted-day.js';

export const STREAM_CHECKS: readonly CheckDefinition[] = [
  {
    name: "each user's stream numbers its events 1 apart, as plain JSON",
    async run(p) {
      const recorders = await p.recordEveryone();
      await scriptedDay(p);
      for (const r of recorders) {
        const fresh = await r.adapter.snapshot();
        await r.reach(fresh.seq);
        r.events.forEach((event, i) => {
          check(
            event.seq === r.snapshot.seq + i + 1,
            `${r.userId}: event ${i} has seq ${event.seq}, expected ${r.snapshot.seq + i + 1}`,
          );
          checkJson(event, `${r.userId}'s event ${event.seq}`);
        });
      }
      check((recorders[0] as Recorder).events.length > 0, 'the operator received events');
    },
  },
  {
    name: 'snapshot + events(seq) reproduces the live state',
    async run(p) {
      const recorders = await p.recordEveryone();
      await scriptedDay(p);
      for (const r of recorders) await p.checkConverged(r);
    },
  },
  {
    name: 'events(sinceSeq) replays exactly what followed sinceSeq',
    async run(p) {
      const { operatorA } = p.users;
      const live = await p.record(operatorA);
      await scriptedDay(p);
      const fresh = await live.adapter.snapshot();
      await live.reach(fresh.seq);
      const expected = live.events.filter((e) => e.seq <= fresh.seq);
      check(expected.length > 2, 'the day produced events');
      const tab = p.extraAdapter(operatorA);
      const replay = await collectUntil(tab.events(live.snapshot.seq), fresh.seq, p.timeoutMs);
      checkEqual(
        replay.filter((e) => e.seq <= fresh.seq).map(canonical),
        expected.map(canonical),
        'a replay equals the live events',
      );
      const middle = expected[Math.floor(expected.length / 2)] as ServerEvent;
      const tail = await collectUntil(tab.events(middle.seq), fresh.seq, p.timeoutMs);
      check(
        tail[0]?.seq === middle.seq + 1,
        `events(${middle.seq}) must start at seq ${middle.seq + 1}`,
      );
    },
  },
  {
    name: 'an unknown position answers RESYNC_REQUIRED; events(0) replays from 1 or asks to resync',
    async run(p) {
      const { operatorA } = p.users;
      await p.newSession(0);
      const adapter = p.adapter(operatorA);
      const snapshot = await adapter.snapshot();
      check(snapshot.seq > 0, 'the customer message produced events for the operator');
      const ahead = await firstOf(adapter.events(snapshot.seq + 1000), p.timeoutMs);
      check(ahead.event === undefined, 'a seq ahead of the stream must not deliver events');
      check(
        codeOf(ahead.error) === 'RESYNC_REQUIRED',
        `a seq ahead of the stream must fail with RESYNC_REQUIRED, got ${String(codeOf(ahead.error))}`,
      );
      const fromStart = await firstOf(adapter.events(0), p.timeoutMs);
      if (fromStart.error !== undefined) {
        check(
          codeOf(fromStart.error) === 'RESYNC_REQUIRED',
          `events(0) may only fail with RESYNC_REQUIRED, got ${String(codeOf(fromStart.error))}`,
        );
      } else {
        check(
          fromStart.event?.seq === 1,
          `events(0) must start at seq 1, got ${String(fromStart.event?.seq)}`,
        );
      }
    },
  },
];
