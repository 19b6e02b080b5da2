import { describe, it } from 'node:test';
import { runAdapterConformance } from '../conformance/index.js';
import { createMemoryConformanceHarness } from './conformance-harness.js';

runAdapterConformance('memory backend', () => createMemoryConformanceHarness(), { describe, it });

runAdapterConformance(
  'memory backend with 5 ms latency',
  () => createMemoryConformanceHarness({ latencyMs: 5 }),
  {
    describe,
    it,
    timeoutMs: 3000,
  },
);
