import { describe, expect, it } from 'vitest';
import { catalogTestPattern } from './counterexampleText.ts';

describe('catalogTestPattern', () => {
  it('matches exactly one catalog test, variants and regex characters included', () => {
    const plain = new RegExp(catalogTestPattern('single-instance-never-down'));
    expect(plain.test('the property catalog single-instance-never-down fails')).toBe(true);
    expect(plain.test('the property catalog single-instance-never-down (serial) fails')).toBe(false);
    const variant = new RegExp(catalogTestPattern('no-duplicate-running-instance (fencing off)'));
    expect(variant.test('the property catalog no-duplicate-running-instance (fencing off) fails')).toBe(true);
    expect(variant.test('the property catalog no-duplicate-running-instance fails')).toBe(false);
  });
});
