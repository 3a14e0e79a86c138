/**
 * For the CI formats' tests: a summary.json by hand, with one property of each kind a CI view
 * must tell apart — holds as expected, fails as expected, and a verdict that differs from its
 * expectation — and text that XML and workflow commands must escape.
 */
import { SUMMARY_FORMAT, type CampaignSummary, type PropertySummary } from './summary.ts';

const base: PropertySummary = {
  id: 'upgrade-keeps-multi-instance-up',
  variant: null,
  statement: 'A fault-free rolling upgrade never takes an app with two or more instances down.',
  hypothesis: 'No faults.',
  policy: 'parallel',
  expected: 'holds',
  verdict: 'holds',
  matches: true,
  runs: 20,
  seed: 7,
  path: null,
  durationMs: 250,
  mustSee: [],
  failureRateBelow: 0.15,
  determinismRechecks: 1,
  counterexample: null,
};

export const HOSTILE_TEXT = 'app <a&b> "q" \'s\' 50%, then: done\u0007\r\nnext line';

export function ciFixture(overrides: Partial<CampaignSummary> = {}): CampaignSummary {
  const failsAsExpected: PropertySummary = {
    ...base,
    id: 'single-instance-never-down',
    statement: 'An app with one instance per role is never down.',
    expected: 'fails',
    verdict: 'fails',
    runs: 1,
    path: '0:1',
    failureRateBelow: null,
    counterexample: { file: 'counterexamples/single-instance-never-down.json', faults: 1, failedServers: 1, violation: { atS: 61, expected: 'single-instance app app0 never down', seen: 'app0 down' }, shrinks: 18, expectedStory: 'one crash', minimal: true, minimalityDetail: null, regression: null },
  };
  const mismatch: PropertySummary = {
    ...base,
    id: 'parallel-recovery-bounded',
    variant: 'serial',
    statement: 'Recovery finishes within its bound.',
    verdict: 'fails',
    matches: false,
    runs: 3,
    path: '2:0',
    failureRateBelow: null,
    counterexample: { file: 'counterexamples/parallel-recovery-bounded--serial.json', faults: 2, failedServers: 2, violation: { atS: 3723, expected: 'recovery within 600s', seen: HOSTILE_TEXT }, shrinks: 4, expectedStory: null, minimal: null, minimalityDetail: null, regression: null },
  };
  return {
    format: SUMMARY_FORMAT,
    complete: true,
    campaign: { name: 'ci <fixture> & co', seed: 7, runs: null, shard: null },
    properties: [base, failsAsExpected, mismatch],
    coverage: { machines: [] },
    recovery: [],
    downtime: [],
    sweep: null,
    codeCoverage: null,
    durationMs: 1234,
    ...overrides,
  };
}
