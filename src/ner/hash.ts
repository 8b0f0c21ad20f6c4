/** Fast 32-bit string hashing (FNV-1a) for hashed features and compact look-up tables. */

export const FNV_OFFSET = 0x811c9dc5;

/** Continue an FNV-1a hash `h` over the characters of `s`. */
export function hashStr(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h;
}

/** Hash a constant name into a seed. */
export function seed(name: string): number {
  return hashStr(FNV_OFFSET, name) >>> 0;
}

/** Join two hashes (a conjunction of features). */
export function join(h: number, x: number): number {
  h ^= x;
  h = Math.imul(h, 16777619);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d);
}

/** Murmur3 finaliser: spreads the bits of a hash before it is masked into a bucket. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 52-bit key for a string (two independent 32-bit hashes), for collision-safe look-up tables. */
export function key52(s: string): number {
  const a = mix(hashStr(FNV_OFFSET, s));
  const b = mix(hashStr(0x01000193, s)) & 0xfffff;
  return a * 0x100000 + b;
}
