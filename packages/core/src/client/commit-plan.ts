import type { SchedulerLike } from 'rxjs';
import type { Coalescing } from './options.js';

/**
 * Runs `task` at the end of the current synchronous run (a microtask). A function of its own:
 * browsers refuse `queueMicrotask` called on anything but the window.
 */
export const atEndOfRun = (task: () => void): void => queueMicrotask(task);

/** A frame's length where there are no animation frames (Node, workers): 60 per second. */
const FRAME_MS = 16;
/** Browsers pause animation frames in hidden tabs: publish at least this often there. */
const HIDDEN_FRAME_MS = 250;

/**
 * Runs a planned commit later, as `coalescing` says:
 * - `batch`: at the end of the current synchronous run (a microtask), so every event an
 *   adapter delivers in one go is published in one commit;
 * - `frame`: before the next animation frame (`requestAnimationFrame`), or after
 *   {@link HIDDEN_FRAME_MS} when frames are paused (hidden tab); where there are no frames, after
 *   {@link FRAME_MS} on `scheduler`. A burst of any size then costs at most one commit per frame.
 */
export function commitPlanner(
  coalescing: Coalescing,
  scheduler: SchedulerLike,
): (commit: () => void) => void {
  if (coalescing === 'batch') return atEndOfRun;
  return (commit) => {
    const frames = typeof globalThis.requestAnimationFrame === 'function';
    let done = false;
    const run = (): void => {
      if (done) return;
      done = true;
      timer.unsubscribe();
      commit();
    };
    const timer = scheduler.schedule(run, frames ? HIDDEN_FRAME_MS : FRAME_MS);
    if (frames) globalThis.requestAnimationFrame(run);
  };
}
