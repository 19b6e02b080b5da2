/**
 * The benchmark's runtime in a Chromium page (page.ts): wall-clock time, and the heap
 * as `performance.memory` reports it (exact with `--enable-precise-memory-info`).
 */
import { exposedGc, type BenchRuntime } from './runtime.js';

interface MemoryInfo {
  usedJSHeapSize: number;
}

const used = (): number =>
  (performance as Performance & { memory?: MemoryInfo }).memory?.usedJSHeapSize ?? 0;

const gc = exposedGc();
/** The heap in use right after the young generation was last collected. */
let afterLastCollection = used();

/** A Chromium page (launched with `--js-flags=--expose-gc --enable-precise-memory-info`). */
export function browserRuntime(name: string): BenchRuntime {
  return {
    name,
    clock: 'wall',
    clockMs: () => performance.now(),
    // The heap grew by what was allocated since the last collection, as long as none ran.
    youngBytes: () => Math.max(0, used() - afterLastCollection),
    collectYoung:
      gc &&
      (() => {
        gc({ type: 'minor' });
        afterLastCollection = used();
      }),
    recordGcPauses: undefined,
    heapMb() {
      gc?.();
      afterLastCollection = used();
      return used() / 1024 / 1024;
    },
  };
}
