import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoryFirstShrinking } from './storyFirstShrinking.ts';

const parts = [fc.array(fc.nat(9), { maxLength: 6 }), fc.integer({ min: 1, max: 50 }), fc.string({ maxLength: 4 })] as const;
const asRecord = fc.record({ a: parts[0], b: parts[1], c: parts[2] }).map(({ a, b, c }) => [a, b, c] as const);
const storyFirst = new StoryFirstShrinking<[number[], number, string]>([...parts], [2, 1, 0]);

describe('story-first shrinking', () => {
  it('draws exactly what fc.record draws, seed for seed, and leaves the same draws to what follows', () => {
    for (const seed of [1, 2, 3, 20_090_313, 42]) {
      // A draw after it sees the same random stream only if it consumed what the record consumes.
      expect(fc.sample(fc.tuple(storyFirst, fc.nat()), { seed, numRuns: 200 })).toEqual(fc.sample(fc.tuple(asRecord, fc.nat()), { seed, numRuns: 200 }));
    }
  });

  it('shrinks the parts in the order given: every candidate of the last part before any of the first', () => {
    const three = new StoryFirstShrinking<[number, number, number]>([fc.nat(100), fc.nat(100), fc.nat(100)], [2, 1, 0]);
    const changed = [...three.shrink([50, 50, 50], undefined)].map((v) => v.value.findIndex((x) => x !== 50));
    expect(changed.length).toBeGreaterThan(3);
    // 2, 2, …, 1, 1, …, 0, 0, …: sorted descending, each part's candidates together.
    expect(changed).toEqual([...changed].sort((a, b) => b - a));
    expect(new Set(changed)).toEqual(new Set([0, 1, 2]));
  });

  it('reaches the same minimal failure as the record does', () => {
    // Fails when the string is non-empty and the number is at least 10, whatever the array holds.
    const predicate = ([, b, c]: readonly [number[], number, string]) => !(c.length > 0 && b >= 10);
    for (const seed of [1, 2, 3]) {
      const ours = fc.check(fc.property(storyFirst, predicate), { seed, numRuns: 200 });
      const theirs = fc.check(fc.property(asRecord, predicate), { seed, numRuns: 200 });
      expect(ours.failed).toBe(true);
      expect(theirs.failed).toBe(true);
      const smallest = (details: typeof ours) => {
        const [[a, b, c]] = details.counterexample!;
        return [a, b, c.length];
      };
      expect(smallest(ours)).toEqual([[], 10, 1]);
      expect(smallest(theirs)).toEqual(smallest(ours));
    }
  });

  it('refuses a shrink order that does not name every part once', () => {
    expect(() => new StoryFirstShrinking<[number[], number, string]>([...parts], [2, 2, 0])).toThrow(/each of the 3 parts once, found \[2, 2, 0\]/);
  });
});
