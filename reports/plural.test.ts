import { describe, expect, it } from 'vitest';
import { agree, count } from './plural.ts';

describe('count', () => {
  it('agrees in number: only 1 is singular', () => {
    expect([0, 1, 2].map((n) => count(n, 'run'))).toEqual(['0 runs', '1 run', '2 runs']);
    expect(count(1, 'property', 'properties')).toBe('1 property');
    expect(count(3, 'property', 'properties')).toBe('3 properties');
    expect(`${count(1, 'counterexample')} still ${agree(1, 'fails', 'fail')}`).toBe('1 counterexample still fails');
    expect(`${count(2, 'counterexample')} still ${agree(2, 'fails', 'fail')}`).toBe('2 counterexamples still fail');
  });
});
