/**
 * Random helpers over a seeded sequence, so seed data and the customer simulator are the same
 * for the same seed on every machine (Math.random is neither seedable nor reproducible).
 */
import { seededRandom } from '@live-chat/core';

/** Deterministic random helpers over one {@link seededRandom} sequence. */
export interface Random {
  /** A float in `[0, 1)`. */
  next(): number;
  /** An integer in `[min, max]` (both inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** A new array with the items in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** Creates the generator for `seed` (any number; it is folded to 32 bits). */
export function createRandom(seed: number): Random {
  const next = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list.');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    chance: (p) => next() < p,
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
  };
}
