/**
 * Random moments of a Poisson process: the gaps between events that happen at a steady rate,
 * independently of each other (customers writing in, a connection failing).
 */

/** The gap to the next event, in whole ms (at least 1): exponential with mean `meanMs`. */
export function exponentialGapMs(random: () => number, meanMs: number): number {
  return Math.max(1, Math.round(-Math.log(1 - random()) * meanMs));
}
