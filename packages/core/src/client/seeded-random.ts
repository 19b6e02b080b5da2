/**
 * A seeded source of numbers in `[0, 1)`: the same seed gives the same sequence on every machine
 * (`Math.random` is neither seedable nor reproducible). For {@link LiveChatClientOptions.random}
 * in runs that must replay exactly, for seed data and for benchmarks.
 *
 * It is mulberry32: a tiny 32-bit generator with a full 2^32 period. Not for secrets.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
