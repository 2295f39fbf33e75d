/**
 * Seeded randomness for toxics. Draws are pure functions of (seed, toxic name,
 * the k-th connection the toxic met), not of one shared stream, so whether a
 * connection is affected does not depend on how other connections and toxics
 * interleave: the same seed and connection order give the same faults.
 */

/** 32-bit hash of a sequence of numbers and strings (murmur3-style mixing). */
export function hashParts(parts: readonly (number | string)[]): number {
  let h = 0x9e3779b9;
  const mixIn = (value: number): void => {
    let k = Math.imul(value | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  };
  for (const part of parts) {
    if (typeof part === 'string') {
      mixIn(part.length);
      for (let i = 0; i < part.length; i++) mixIn(part.charCodeAt(i));
    } else {
      // Seeds may exceed 32 bits: mix both halves of the integer part.
      const integer = Math.trunc(part);
      mixIn(integer % 0x100000000);
      mixIn(Math.floor(integer / 0x100000000));
    }
  }
  return finalMix(h);
}

function finalMix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) determined by the parts. */
export function unitFromParts(parts: readonly (number | string)[]): number {
  return hashParts(parts) / 0x100000000;
}

/** mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit state. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  };
}
