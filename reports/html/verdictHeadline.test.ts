import { describe, expect, it } from 'vitest';
import type { PropertySummary } from '../summary.ts';
import { outcomeOf } from './outcome.ts';
import { verdictHeadline } from './verdictHeadline.ts';

const property = (id: string, expected: 'holds' | 'fails', verdict: 'holds' | 'fails' | 'vacuous') =>
  ({ id, variant: null, expected, verdict, matches: expected === verdict }) as PropertySummary;

describe('verdictHeadline', () => {
  it('counts an expected failure found as expected, not as a failure', () => {
    const h = verdictHeadline([property('a', 'holds', 'holds'), property('b', 'fails', 'fails'), property('c', 'fails', 'fails')], true);
    expect(h.tone).toBe('all-match');
    expect(h.headline).toBe('All 3 verdicts are as expected');
    expect(h.detail).toBe('1 property holds, 2 expected failures found, each shrunk to its story.');
    expect(h.actOn).toEqual([]);
  });

  it('leads with how many are unexpected and lists each to act on, in order', () => {
    const h = verdictHeadline([property('a', 'holds', 'fails'), property('b', 'fails', 'fails'), property('c', 'fails', 'holds'), property('d', 'holds', 'vacuous')], true);
    expect(h.tone).toBe('some-differ');
    expect(h.headline).toBe('3 of 4 verdicts unexpected');
    expect(h.actOn.map((a) => [a.property.id, a.outcome])).toEqual([
      ['a', 'unexpected-failure'],
      ['c', 'missed-failure'],
      ['d', 'vacuous'],
    ]);
  });

  it('says an interrupted campaign is interrupted even when all that finished is as expected', () => {
    const h = verdictHeadline([property('a', 'holds', 'holds')], false);
    expect(h.tone).toBe('interrupted');
    expect(h.headline).toContain('Interrupted');
  });

  it('reads every verdict against every expectation', () => {
    expect(outcomeOf({ expected: 'holds', verdict: 'holds' })).toBe('holds');
    expect(outcomeOf({ expected: 'fails', verdict: 'fails' })).toBe('expected-failure');
    expect(outcomeOf({ expected: 'holds', verdict: 'fails' })).toBe('unexpected-failure');
    expect(outcomeOf({ expected: 'fails', verdict: 'holds' })).toBe('missed-failure');
    expect(outcomeOf({ expected: 'fails', verdict: 'vacuous' })).toBe('vacuous');
    // A verdict this report does not know yet (a newer summary's) is shown as inconclusive, never as holds or a failure.
    expect(outcomeOf({ expected: 'holds', verdict: 'inconclusive' as 'vacuous' })).toBe('inconclusive');
  });
});
