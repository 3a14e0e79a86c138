import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { removableArray } from './removableArray.ts';

const item = fc.integer({ min: 0, max: 1000 });
/** Fails when any item lies in [100, 200]: the one smallest counterexample is [100]. */
const noneInBand = (items: number[]) => !items.some((x) => x >= 100 && x <= 200);
const SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);

function shrunkOn(arbitrary: fc.Arbitrary<number[]>, seed: number): number[] | null {
  const result = fc.check(fc.property(arbitrary, noneInBand), { seed, numRuns: 200 });
  return result.failed ? result.counterexample![0] : null;
}

describe('removableArray', () => {
  it('draws what fc.array draws, value for value, so a seed keeps its scenarios', () => {
    for (const seed of [1, 2, 20090313]) {
      expect(fc.sample(removableArray(item, { minLength: 2, maxLength: 6 }), { seed, numRuns: 100 })).toEqual(fc.sample(fc.array(item, { minLength: 2, maxLength: 6 }), { seed, numRuns: 100 }));
    }
  });

  it('shrinks to the single needed item on every seed, where fc.array keeps an unneeded second one on some', () => {
    const ours = SEEDS.map((seed) => shrunkOn(removableArray(item, { minLength: 1, maxLength: 3 }), seed));
    const theirs = SEEDS.map((seed) => shrunkOn(fc.array(item, { minLength: 1, maxLength: 3 }), seed));
    console.info(`removableArray: seeds 1–${SEEDS.length}`);
    expect(ours.every((c) => c !== null && c.length === 1 && c[0] === 100)).toBe(true);
    // Why it exists: fast-check's own shrinker stops at two items on a share of these seeds.
    expect(theirs.filter((c) => c !== null && c.length > 1).length).toBeGreaterThan(0);
  });

  it('never shrinks below its minimum length', () => {
    const alwaysFails = () => false;
    for (const seed of SEEDS.slice(0, 20)) {
      const result = fc.check(fc.property(removableArray(item, { minLength: 2, maxLength: 5 }), alwaysFails), { seed });
      expect(result.counterexample![0]).toEqual([0, 0]);
    }
  });

  it('is fc.array itself when there is no minimum', () => {
    expect(fc.sample(removableArray(item, { maxLength: 4 }), { seed: 5, numRuns: 30 })).toEqual(fc.sample(fc.array(item, { maxLength: 4 }), { seed: 5, numRuns: 30 }));
  });
});
