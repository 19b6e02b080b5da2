/**
 * Both paths in a Chromium page: the runs `npm run bench` makes in Node, made again on the
 * runtime a host's page gives the client. Bundled for browsers and driven from Node by
 * scripts/lib/bench-page.mjs; run.ts calls it through `globalThis.liveChatBench`, in a fresh page
 * each round.
 */
import { seededRandom } from '../src/client/seeded-random.js';
import { adapterPathRun } from './adapter-path.js';
import { generate, workspace, type World, type Workspace } from './generate.js';
import { browserRuntime } from './runtime-browser.js';
import { storePathRun, type Run } from './store-path.js';

const workspaces = new Map<number, Workspace>();
const worlds = new Map<number, World>();
let runtime = browserRuntime('a browser');

const bench = {
  /**
   * Names the runtime, builds the worlds (store path) of these sizes from the seeds run.ts
   * gives, and the workspaces (adapter path) when it gives their seeds too (a round with adapter
   * runs), and warms the JIT with a small run of each path built, as run.ts does in Node.
   */
  async prepare(
    name: string,
    sizes: number[],
    seeds: { workspace?: number[]; world: number[] },
  ): Promise<void> {
    runtime = browserRuntime(name);
    sizes.forEach((size, i) => worlds.set(size, generate(size, seeds.world[i])));
    await storePathRun(runtime, generate(2_000, 7), false);
    const workspaceSeeds = seeds.workspace;
    if (!workspaceSeeds) return;
    sizes.forEach((size, i) =>
      workspaces.set(size, workspace(size, seededRandom(workspaceSeeds[i]))),
    );
    await adapterPathRun(runtime, workspace(2_000, seededRandom(7)), 20_000, 7, false);
  },
  /** One run of the adapter path on the workspace of `size` (see `adapterPathRun`). */
  run(size: number, events: number, seed: number, check: boolean): Promise<Run> {
    const start = workspaces.get(size);
    if (!start) throw new Error(`No workspace of ${size} sessions: call prepare first.`);
    return adapterPathRun(runtime, start, events, seed, check);
  },
  /** One run of the store path on the world of `size` (see `storePathRun`). */
  storeRun(size: number, check: boolean): Promise<Run> {
    const world = worlds.get(size);
    if (!world) throw new Error(`No world of ${size} sessions: call prepare first.`);
    return storePathRun(runtime, world, check);
  },
};

export type BenchApi = typeof bench;

(globalThis as { liveChatBench?: BenchApi }).liveChatBench = bench;
