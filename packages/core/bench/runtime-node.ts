/** The benchmark's runtime in Node: CPU time of the process, V8's heap figures, gc pauses. */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { exposedGc, type BenchRuntime, type GcPause } from './runtime.js';

const gc = exposedGc();

/** Node, judged on the process's CPU time (every thread, garbage-collection helpers included). */
export const nodeRuntime: BenchRuntime = {
  name: `Node ${process.versions.node}`,
  clock: 'cpu',
  clockMs() {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  },
  youngBytes: () =>
    getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ??
    0,
  collectYoung: gc && (() => gc({ type: 'minor' })),
  recordGcPauses() {
    const pauses: GcPause[] = [];
    const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
    return async () => {
      // gc entries arrive asynchronously
      await new Promise((resolve) => setImmediate(resolve));
      observer.disconnect();
      return pauses;
    };
  },
  heapMb() {
    gc?.();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  },
};
