// The conformance suite through a follower tab: every adapter the suite asks for is a follower
// whose leader tab (opened first, in this process) holds the memory backend's real adapter.
import { describe, it } from 'node:test';
import { runAdapterConformance, type ConformanceHarness } from '../conformance/index.js';
import { createMemoryConformanceHarness } from '../memory/conformance-harness.js';
import { createTabGroup, type TabGroup } from './testing/tab-group.js';

function throughFollowers(): ConformanceHarness {
  const harness = createMemoryConformanceHarness();
  const groups: TabGroup[] = [];
  return {
    ...harness,
    adapterFor(userId) {
      const group = createTabGroup(() => harness.adapterFor(userId));
      groups.push(group);
      group.open(); // the leader
      return group.open();
    },
    async dispose() {
      for (const group of groups) group.dispose();
      await harness.dispose?.();
    },
  };
}

runAdapterConformance('memory backend through a follower tab', throughFollowers, { describe, it });
