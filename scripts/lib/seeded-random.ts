/**
 * Deterministic pseudo-random numbers (mulberry32: a small, fast generator whose whole state is
 * one 32-bit number), so a seed gives the same generated catalogue or the same fuzz run again.
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    /** A number in [0, 1). */
    next,
    pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)],
    /** A whole number from min to max, both included. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}
