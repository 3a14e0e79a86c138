/**
 * A 64-bit hash of a row of integers, as two independent 32-bit lanes (murmur3's mixing with
 * two seeds). A composed state's key is such a row; the explorer keeps only the hash. Two
 * different states collide with probability about n² / 2⁶⁵ for n stored states (about 3·10⁻⁸
 * for a million): small enough to state, not zero, so it is stated in the report.
 */

export interface Hash64 {
  readonly high: number;
  readonly low: number;
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashInts(values: Int32Array, length: number): Hash64 {
  let a = 0x9747b28c;
  let b = 0x2f6b1c3d;
  for (let i = 0; i < length; i++) {
    const v = values[i]!;
    a = mix(a, v);
    b = mix(b, v ^ 0x5bd1e995);
  }
  return { high: finish(a, length), low: finish(b, length + 0x1000) };
}
