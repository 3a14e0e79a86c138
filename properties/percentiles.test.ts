import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile } from './percentiles.ts';

describe('percentile (nearest rank)', () => {
  it('picks the sample at rank ceil(p/100 · n), never an interpolation', () => {
    const sample = [40, 10, 30, 20];
    expect(percentile(sample, 50)).toBe(20);
    expect(percentile(sample, 51)).toBe(30);
    expect(percentile(sample, 99)).toBe(40);
    expect(percentile(sample, 0)).toBe(10);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('is always one of the samples, and grows with p', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 86_400 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (values, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(values).toContain(percentile(values, low));
        expect(percentile(values, low)!).toBeLessThanOrEqual(percentile(values, high)!);
      }),
      { seed: 11 },
    );
  });
});
