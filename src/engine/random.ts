/**
 * Seeded pseudo-random numbers (mulberry32): the same seed gives the same sequence on every machine,
 * so tie-breaks and generated data are reproducible.
 */

/**
 * A generator of floats in [0, 1) from a 32-bit seed.
 * @example const r = seededRandom(1); r() === seededRandom(1)() // true
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit hash of a string (FNV-1a), to derive per-item seeds from ids so order never matters.
 * @example hashString("R001") === hashString("R001") // true
 */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
