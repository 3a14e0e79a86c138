/**
 * A verdict read against its expectation: what a reader should take from it. An expected
 * failure that was found is the suite working (the incident reproduced, its smallest story
 * checked), not a problem; a failure nobody expected is.
 */
import type { PropertySummary } from '../summary.ts';

/** `inconclusive` stands for any other verdict a newer summary may carry (a clean run whose must-see situations stayed undecided). */
export type Outcome = 'holds' | 'expected-failure' | 'unexpected-failure' | 'missed-failure' | 'vacuous' | 'inconclusive';

export function outcomeOf(p: Pick<PropertySummary, 'expected' | 'verdict'>): Outcome {
  if (p.verdict === 'holds') return p.expected === 'holds' ? 'holds' : 'missed-failure';
  if (p.verdict === 'fails') return p.expected === 'fails' ? 'expected-failure' : 'unexpected-failure';
  return (p.verdict as string) === 'vacuous' ? 'vacuous' : 'inconclusive';
}

/** Whether the outcome asks the reader to act: the verdict differs from the expectation. */
export function isUnexpected(outcome: Outcome): boolean {
  return outcome !== 'holds' && outcome !== 'expected-failure';
}

export const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = {
  holds: 'holds, as expected',
  'expected-failure': 'expected failure, found',
  'unexpected-failure': 'unexpected failure',
  'missed-failure': 'expected failure not found',
  vacuous: 'vacuous: must-see situations not reached',
  inconclusive: 'inconclusive: must-see situations undecided',
};

export const OUTCOME_HINTS: Readonly<Record<Outcome, string>> = {
  holds: 'no run broke it',
  'expected-failure': 'the known hazard was reproduced and shrunk to its story: the suite is working',
  'unexpected-failure': 'a run broke a property expected to hold: read its counterexample',
  'missed-failure': 'no run found the failure this property is expected to show: the model or its generators lost the hazard',
  vacuous: 'no failure, but the runs never reached the situations that would make a clean result mean something',
  inconclusive: 'no failure, but the runs did not settle whether they reach the situations that would make a clean result mean something: run more',
};
