import { describe, expect, it } from 'vitest';
import { hashInts } from './hash64.ts';
import { VisitedStates } from './visitedStates.ts';

describe('visited states', () => {
  it('stores each hash once, with its parent, choice and depth, through many resizes', () => {
    const visited = new VisitedStates();
    const row = new Int32Array(3);
    for (let i = 0; i < 50_000; i++) {
      row[0] = i;
      row[1] = i * 7;
      expect(visited.add(hashInts(row, 3), i - 1, i % 5, i % 13)).toBe(i);
    }
    for (let i = 0; i < 50_000; i += 997) {
      row[0] = i;
      row[1] = i * 7;
      expect(visited.add(hashInts(row, 3), 0, 0, 0)).toBe(-1);
      expect([visited.parentOf(i), visited.choiceOf(i), visited.depthOf(i)]).toEqual([i - 1, i % 5, i % 13]);
    }
    expect(visited.size).toBe(50_000);
    expect(visited.bytesPerState).toBeLessThan(64);
  });

  it('hashes every position and the length', () => {
    const a = hashInts(Int32Array.of(1, 2, 3), 3);
    expect(hashInts(Int32Array.of(1, 2, 3), 3)).toEqual(a);
    expect(hashInts(Int32Array.of(3, 2, 1), 3)).not.toEqual(a);
    expect(hashInts(Int32Array.of(1, 2, 3, 0), 4)).not.toEqual(a);
  });
});
