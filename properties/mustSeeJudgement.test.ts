/**
 * The must-see judgement: exact bounds, the looks, and the three answers; on a real property,
 * a short run that cannot decide goes on drawing instead of calling a sound generator vacuous.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COVERAGE_CAP, MUST_SEE_CONFIDENCE, clopperPearson, judgeMustSee, looksAt } from './mustSeeJudgement.ts';
import { checkProperty } from './checkProperty.ts';
import { recoveryEventuallyCompletes } from './catalog/recoveryEventuallyCompletes.ts';
import type { PropertyDefinition } from './propertyDefinition.ts';

describe('clopperPearson', () => {
  it('gives the exact binomial bounds (5 of 10 at 2.5% each side: 0.187 and 0.813)', () => {
    const { lower, upper } = clopperPearson(5, 10, 0.025);
    expect(lower).toBeCloseTo(0.187086, 5);
    expect(upper).toBeCloseTo(0.812914, 5);
  });

  it('closes on the edges: none reached has lower 0, all reached upper 1, and 1 − α^(1/n) across', () => {
    expect(clopperPearson(0, 100, 0.01)).toEqual({ lower: 0, upper: expect.closeTo(1 - 0.01 ** (1 / 100), 10) });
    expect(clopperPearson(100, 100, 0.01)).toEqual({ lower: expect.closeTo(0.01 ** (1 / 100), 10), upper: 1 });
  });

  it('brackets the observed share, and narrows as runs grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true }), (runs, share) => {
        const reached = Math.round(share * runs);
        const now = clopperPearson(reached, runs, 0.001);
        const more = clopperPearson(4 * reached, 4 * runs, 0.001);
        return now.lower <= reached / runs && reached / runs <= now.upper && more.upper - more.lower <= now.upper - now.lower;
      }),
      { seed: 20_090_313 },
    );
  });
});

describe('looksAt', () => {
  it('looks at the runs, each doubling below the cap, and the cap', () => {
    expect(looksAt(100, 1000)).toEqual([100, 200, 400, 800, 1000]);
    expect(looksAt(30, 100)).toEqual([30, 60, 100]);
    expect(looksAt(100, 100)).toEqual([100]);
  });
});

describe('judgeMustSee', () => {
  it('missed only when the upper bound is below the required share', () => {
    expect(judgeMustSee(0, 100, 0.5, 5).judgement).toBe('missed');
    expect(judgeMustSee(14, 30, 0.5, 7).judgement).toBe('undecided'); // issue 14's seed 11 at --runs 30: 0.467 < 0.5, yet undecided
    expect(judgeMustSee(300, 1000, 0.5, 5).judgement).toBe('missed');
  });

  it('met once the lower bound reaches 90% of the required share', () => {
    expect(judgeMustSee(88, 100, 0.5, 5).judgement).toBe('met');
    expect(judgeMustSee(100, 100, 1, 5).judgement).toBe('met');
    expect(judgeMustSee(99, 100, 1, 5).judgement).toBe('missed');
  });

  it('calls a generator at the bar missed with a chance below 1 − confidence over every look (exact binomial sums)', () => {
    // At p = minShare, the chance that some look says `missed` is at most the sum over looks of
    // P(upper bound < p), each computed exactly from the binomial distribution.
    for (const [p, runs] of [
      [0.5, 30],
      [0.3, 100],
      [0.2, 100],
    ] as const) {
      const looks = looksAt(runs, DEFAULT_COVERAGE_CAP);
      let chance = 0;
      for (const n of looks) {
        let logPmf = n * Math.log(1 - p); // k = 0
        for (let k = 0; k <= n; k++) {
          if (judgeMustSee(k, n, p, looks.length).judgement === 'missed') chance += Math.exp(logPmf);
          logPmf += Math.log((n - k) / (k + 1)) + Math.log(p / (1 - p));
        }
      }
      expect(chance, `p = ${p}, ${runs} runs`).toBeLessThan(1 - MUST_SEE_CONFIDENCE);
    }
  });
});

/** A property whose only must-see is reached by a set share of scenarios (by the drawn number). */
function sharedBy(share: number, minShare: number): PropertyDefinition {
  return {
    ...recoveryEventuallyCompletes,
    id: 'test-must-see',
    mustSee: [{ id: 'drawn-low', description: 'the drawn number was low', minShare, reached: (s) => s.horizonS % 1000 < share * 1000 }],
    scenarios: () => fc.integer({ min: 0, max: 999 }).chain((n) => recoveryEventuallyCompletes.scenarios().map((s) => ({ ...s, faults: [], horizonS: 1000 + n }))),
    check: () => null,
  };
}

describe('checkProperty with the judgement', () => {
  it('a short run of a sound generator draws on until decided: never a false vacuous (issue 14, seed 11 at --runs 30)', () => {
    const result = checkProperty(recoveryEventuallyCompletes, { seed: 11, runs: 30 });
    console.log(`seed 11, --runs 30: ${result.verdict} after ${result.runs} runs (${result.mustSee.map((m) => `${m.id} ${m.reached}/${result.runs}`).join(', ')})`);
    expect(result.verdict).toBe('holds');
    expect(result.runs).toBeGreaterThanOrEqual(30);
  });

  it('a generator that never reaches a situation is vacuous at the first look', () => {
    const result = checkProperty(sharedBy(0, 0.3), { seed: 1, runs: 50 });
    expect(result.verdict).toBe('vacuous');
    expect(result.runs).toBe(50);
    expect(result.mustSee[0]).toMatchObject({ judgement: 'missed', reached: 0 });
  });

  it('undecided at the cap is inconclusive, with its figures', () => {
    const result = checkProperty(sharedBy(0.5, 0.52), { seed: 1, runs: 20, coverageCap: 80 });
    expect(result.verdict).toBe('inconclusive');
    expect(result.runs).toBe(80);
    expect(result.mustSee[0]!.judgement).toBe('undecided');
    expect(result.mustSee[0]!.lowerBound).toBeLessThan(0.9 * 0.52);
    expect(result.mustSee[0]!.upperBound).toBeGreaterThanOrEqual(0.52);
  });

  it('the runs beyond the first are the same seed drawn further (so a failure found there replays from its seed and path)', () => {
    const drawn = (runs: number) => {
      const seen: number[] = [];
      const recording: PropertyDefinition = { ...sharedBy(0.5, 0.52), check: (s) => (seen.push(s.horizonS), null) };
      checkProperty(recording, { seed: 3, runs, coverageCap: 80 });
      return seen;
    };
    const extended = drawn(10);
    expect(extended).toHaveLength(80);
    expect(extended).toEqual(drawn(80));
  });
});
