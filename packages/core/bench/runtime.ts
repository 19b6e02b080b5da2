/**
 * What measuring asks of the JavaScript runtime the benchmark runs in: Node (`npm run bench`
 * runs both paths there) or a Chromium page (both paths again, where a host runs the client).
 * See runtime-node.ts and runtime-browser.ts.
 */
export interface BenchRuntime {
  /** The runtime, as the report names it ("Node 20.20.2", "Chromium 150"). */
  readonly name: string;
  /**
   * What {@link clockMs} counts: `cpu`, the process's CPU time on every thread (Node); `wall`,
   * wall-clock time (a page cannot read its CPU time; the page runs nothing else meanwhile).
   */
  readonly clock: 'cpu' | 'wall';
  /** Milliseconds on that clock. */
  clockMs(): number;
  /** Bytes in the young generation: allocated since it was last collected. */
  youngBytes(): number;
  /** Collects the young generation now; undefined when the runtime does not let a script ask. */
  readonly collectYoung: (() => void) | undefined;
  /**
   * Starts recording garbage-collection pauses; the returned function stops and resolves to
   * them (start and duration, ms on the `performance.now()` clock). Undefined when the runtime
   * does not report pauses to scripts (a page).
   */
  readonly recordGcPauses: (() => () => Promise<GcPause[]>) | undefined;
  /** Heap in use in MB, after a full collection when the runtime lets a script ask for one. */
  heapMb(): number;
}

/** One garbage-collection pause. */
export interface GcPause {
  startTime: number;
  duration: number;
}

/** Something to collect garbage with (`gc`, exposed by `--expose-gc`). */
export type ExposedGc = ((options?: { type: 'minor' | 'major' }) => void) | undefined;

/** The `gc` function `--expose-gc` puts on the global object, if any. */
export const exposedGc = (): ExposedGc => (globalThis as { gc?: ExposedGc }).gc;
