import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { debounceTime, interval, Subject, take, throwError, timer, defer, retry } from 'rxjs';
import { createVirtualClock, type VirtualClock } from './clock.js';
import { createRealTimeClock } from './real-time-clock.js';

describe('virtual clock', () => {
  it('moves only when advanced, and runs timers in due order (ties in the order set)', async () => {
    const clock = createVirtualClock(1_000);
    const log: string[] = [];
    clock.after(20, () => log.push(`b@${clock.now()}`));
    clock.after(10, () => log.push(`a@${clock.now()}`));
    clock.after(20, () => log.push(`c@${clock.now()}`));
    assert.equal(clock.pending, 3);
    await clock.advance(15);
    assert.deepEqual(log, ['a@1010']);
    assert.equal(clock.now(), 1_015);
    await clock.advance(100);
    assert.deepEqual(log, ['a@1010', 'b@1020', 'c@1020']);
    assert.equal(clock.now(), 1_115);
    assert.equal(clock.pending, 0);
  });

  it('lets promise callbacks settle between two timers', async () => {
    const clock = createVirtualClock();
    const log: string[] = [];
    clock.after(5, () => {
      void Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => queueMicrotask(() => log.push('chain of the first')));
    });
    clock.after(5, () => log.push('second'));
    await clock.advance(5);
    assert.deepEqual(log, ['chain of the first', 'second']);
  });

  it('runs timers set by timers, and runUntilIdle reports whether any is left', async () => {
    const clock = createVirtualClock();
    let ticks = 0;
    const tick = (): void => {
      ticks++;
      if (ticks < 5) clock.after(1_000, tick);
    };
    clock.after(1_000, tick);
    assert.equal(await clock.runUntilIdle(), true);
    assert.equal(ticks, 5);
    assert.equal(clock.now(), 5_000);
    clock.after(10_000, () => undefined);
    assert.equal(await clock.runUntilIdle(5_000), false);
    assert.equal(clock.now(), 5_000);
  });

  it('drives RxJS timer, interval (rescheduling actions) and debounceTime', async () => {
    const clock = createVirtualClock();
    const seen: string[] = [];
    timer(1_000, clock.scheduler).subscribe(() => seen.push(`timer@${clock.now()}`));
    interval(300, clock.scheduler)
      .pipe(take(3))
      .subscribe({
        next: (n) => seen.push(`interval ${n}@${clock.now()}`),
        complete: () => seen.push(`interval done@${clock.now()}`),
      });
    const typing = new Subject<string>();
    typing
      .pipe(debounceTime(200, clock.scheduler))
      .subscribe((text) => seen.push(`search ${text}@${clock.now()}`));
    typing.next('h');
    await clock.advance(100);
    typing.next('he'); // postpones the first, to 300: set after the interval's, so it runs after
    await clock.advance(2_000);
    assert.deepEqual(seen, [
      'interval 0@300',
      'search he@300',
      'interval 1@600',
      'interval 2@900',
      'interval done@900',
      'timer@1000',
    ]);
  });

  it('drives retry({ delay }) and unsubscribing cancels a scheduled action', async () => {
    const clock = createVirtualClock();
    let attempts = 0;
    const done: number[] = [];
    defer(() => {
      attempts++;
      return attempts < 3 ? throwError(() => new Error('not yet')) : [attempts];
    })
      .pipe(retry({ delay: (_error, count) => timer(count * 1_000, clock.scheduler) }))
      .subscribe((n) => done.push(clock.now() + n));
    await clock.advance(999);
    assert.equal(attempts, 1);
    await clock.advance(1);
    assert.equal(attempts, 2);
    await clock.advance(2_000);
    assert.deepEqual(done, [3_003]);

    const fired: number[] = [];
    const subscription = timer(500, clock.scheduler).subscribe(() => fired.push(1));
    subscription.unsubscribe();
    await clock.advance(1_000);
    assert.deepEqual(fired, []);
    assert.equal(clock.pending, 0);
  });

  it('gives the scheduler the virtual time', async () => {
    const clock = createVirtualClock(42);
    assert.equal(clock.scheduler.now(), 42);
    await clock.advance(8);
    assert.equal(clock.scheduler.now(), 50);
  });
});

describe('virtual clock guards', () => {
  it('gives up on timers that reschedule themselves at once, forever', async () => {
    const clock = createVirtualClock();
    const spin = (): void => void clock.after(0, spin);
    clock.after(0, spin);
    await assert.rejects(clock.advance(1), /without time moving/);
  });
});

/** Each clock of a run, created at `startMs`: the virtual one, and real time at 10×. */
const CLOCKS: readonly (readonly [string, (startMs: number) => VirtualClock])[] = [
  ['virtual clock', (startMs) => createVirtualClock(startMs)],
  ['real-time clock', (startMs) => createRealTimeClock({ startMs, scale: 10 })],
];

for (const [name, create] of CLOCKS) {
  describe(`${name}: what every clock of a run does`, () => {
    it('cancels timers (after, setTimeout/clearTimeout)', async () => {
      const clock = create(0);
      const log: string[] = [];
      const cancel = clock.after(10, () => log.push('after'));
      const handle = clock.setTimeout(() => log.push('timeout'), 10);
      clock.setTimeout(() => log.push('kept'), 10);
      cancel();
      clock.clearTimeout(handle);
      clock.clearTimeout(undefined);
      assert.equal(clock.pending, 1);
      await clock.advance(100);
      assert.deepEqual(log, ['kept']);
      assert.equal(clock.pending, 0);
    });

    it('rejects advance when a task throws', async () => {
      const clock = create(0);
      clock.after(1, () => {
        throw new Error('boom');
      });
      await assert.rejects(clock.advance(100), /boom/);
    });

    it('refuses to advance twice at the same time', async () => {
      const clock = create(0);
      clock.after(10, () => undefined);
      const first = clock.advance(10);
      await assert.rejects(clock.advance(10), /already advancing/);
      await first;
      assert.ok(clock.now() >= 10);
    });

    it('drives RxJS timers, and unsubscribing cancels them', async () => {
      const clock = create(1_000);
      const fired: string[] = [];
      timer(50, clock.scheduler).subscribe(() => fired.push('kept'));
      timer(50, clock.scheduler)
        .subscribe(() => fired.push('cancelled'))
        .unsubscribe();
      assert.ok(clock.scheduler.now() >= 1_000);
      assert.equal(await clock.runUntilIdle(1_000), true);
      assert.deepEqual(fired, ['kept']);
      assert.ok(clock.now() >= 1_050);
    });
  });
}

describe('real-time clock', () => {
  it('moves with the wall clock, at its scale', async () => {
    const clock = createRealTimeClock({ startMs: 5_000, scale: 50 });
    const started = performance.now();
    const fired: number[] = [];
    clock.after(1_000, () => fired.push(clock.now()));
    await clock.advance(2_000);
    const realMs = performance.now() - started;
    assert.ok(realMs >= 35 && realMs < 1_000, `2 s at 50× took ${realMs} ms`);
    assert.equal(fired.length, 1);
    assert.ok(fired[0]! >= 6_000 && fired[0]! <= clock.now(), `fired at ${fired[0]}`);
    assert.ok(clock.now() >= 7_000);
  });

  it('answers runUntilIdle false when a timer lies beyond the wait', async () => {
    const clock = createRealTimeClock({ scale: 100 });
    clock.after(10_000, () => undefined);
    assert.equal(await clock.runUntilIdle(500), false);
    assert.equal(clock.pending, 1);
    clock.clearTimeout(clock.setTimeout(() => undefined, 1));
    assert.equal(clock.pending, 1);
  });

  it('refuses a scale that is not positive', () => {
    assert.throws(() => createRealTimeClock({ scale: 0 }), RangeError);
  });
});
