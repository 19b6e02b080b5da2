/** Longest wait for a frame: a hidden document gets no animation frames at all. */
const FRAME_TIMEOUT_MS = 100;

/** Resolves at the next animation frame, or after {@link FRAME_TIMEOUT_MS} if none comes. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve();
    };
    const frame = requestAnimationFrame(done);
    const timer = setTimeout(done, FRAME_TIMEOUT_MS);
  });
}

/**
 * At most one render per animation frame for an element fed by a fast stream: a burst of
 * thousands of list emissions (each in its own task, as they arrive from a socket) makes one
 * render a frame, not one each. A single update still runs at once; only an update asked for
 * in the frame that already rendered waits for the next one. Use it from `scheduleUpdate`:
 *
 * ```ts
 * protected override scheduleUpdate() {
 *   return this.pacer.paced(() => super.scheduleUpdate());
 * }
 * ```
 */
export class FramePacer {
  #frame: Promise<void> | undefined;

  /** Runs `update` now, or at the next frame when an update already ran in this one. */
  paced(update: () => void | Promise<unknown>): void | Promise<unknown> {
    const frame = this.#frame;
    if (frame) return frame.then(() => this.#run(update));
    return this.#run(update);
  }

  #run(update: () => void | Promise<unknown>): void | Promise<unknown> {
    this.#frame ??= nextFrame().then(() => {
      this.#frame = undefined;
    });
    return update();
  }
}
