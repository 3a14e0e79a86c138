import { describe, expect, it } from 'vitest';
import { closestNames, didYouMean } from './didYouMean.ts';

const PROPERTIES = ['storage-unaffected', 'upgrade-terminates', 'upgrade-continue-anyway', 'alert-raised-in-time'];

describe('didYouMean', () => {
  it('names the closest candidate a few edits away', () => {
    expect(didYouMean('storage-unafected', PROPERTIES)).toBe('; did you mean storage-unaffected?');
    expect(didYouMean('upgrade-termintes', PROPERTIES)).toBe('; did you mean upgrade-terminates?');
  });

  it('names nothing when no candidate is close', () => {
    expect(didYouMean('meteor', PROPERTIES)).toBe('');
    // Four edits is past commander's bound of three.
    expect(closestNames('storge-unafectd-', PROPERTIES)).toEqual([]);
  });

  it('keeps ties, and needs most of a short word kept', () => {
    expect(closestNames('cat', ['bat', 'rat', 'horse'])).toEqual(['bat', 'rat']);
    expect(closestNames('ab', ['xy'])).toEqual([]);
  });
});
