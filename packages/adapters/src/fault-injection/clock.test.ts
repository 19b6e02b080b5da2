import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { debounceTime, interval, Subject, take, throwError, timer, defer, retry } from 'rxjs';
import { createVirtualClock } from './clock.js';

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

  it('cancels timers (after, setTimeout/clearTimeout)', async () => {
    const clock = createVirtualClock();
    const log: string[] = [];
    const cancel = clock.after(10, () => log.push('after'));
    const handle = clock.setTimeout(() => log.push('timeout'), 10);
    clock.setTimeout(() => log.push('kept'), 10);
    cancel();
    clock.clearTimeout(handle);
    clock.clearTimeout(undefined);
    assert.equal(clock.pending, 1);
    await clock.advance(10);
    assert.deepEqual(log, ['kept']);
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

  it('rejects advance when a task throws', async () => {
    const clock = createVirtualClock();
    clock.after(1, () => {
      throw new Error('boom');
    });
    await assert.rejects(clock.advance(10), /boom/);
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

  it('refuses to advance twice at the same time', async () => {
    const clock = createVirtualClock();
    clock.after(10, () => undefined);
    const first = clock.advance(10);
    await assert.rejects(clock.advance(10), /already advancing/);
    await first;
    assert.equal(clock.now(), 10);
  });
});
