/**
 * The tension at the heart of the incident: neither fixed policy satisfies fast recovery,
 * a draining backlog, bounded false-positive churn and standing still when the controller
 * is cut off, all at once. Adaptive healing must; serial and unthrottled parallel must each
 * fail at least one. Every cell is a real property check on the fixed seed.
 */
import { describe, expect, it } from 'vitest';
import { type HealingPolicyKind, healingPolicyNamed } from '../model/policy.ts';
import { allSuspectStopsHealing } from './catalog/allSuspectStopsHealing.ts';
import { backlogDrainsAfterTrigger } from './catalog/backlogDrainsAfterTrigger.ts';
import { falsePositiveChurnBounded } from './catalog/falsePositiveChurnBounded.ts';
import { parallelRecoveryBounded } from './catalog/parallelRecoveryBounded.ts';
import { checkProperty } from './checkProperty.ts';
import { chooseRuns, chooseSeed } from './seeds.ts';

const PROPERTIES = [parallelRecoveryBounded, backlogDrainsAfterTrigger, falsePositiveChurnBounded, allSuspectStopsHealing];
const POLICIES: readonly HealingPolicyKind[] = ['serial', 'parallel', 'adaptive'];
const { seed } = chooseSeed();

function verdicts(policy: HealingPolicyKind) {
  return PROPERTIES.map((property) => {
    const result = checkProperty(property, {
      seed,
      runs: chooseRuns(100),
      variant: { label: policy, policy: { healing: healingPolicyNamed(policy) }, expectation: 'holds' },
    });
    return [property.id, result.verdict] as const;
  });
}

describe('adaptive healing earns its place', () => {
  const table = new Map(POLICIES.map((policy) => [policy, verdicts(policy)]));
  console.log(
    ['policy      ' + PROPERTIES.map((p) => p.id.padEnd(30)).join(''), ...POLICIES.map((policy) => policy.padEnd(12) + table.get(policy)!.map(([, v]) => v.padEnd(30)).join(''))].join('\n'),
  );

  it('adaptive holds all four properties, and has seen what each needs', () => {
    expect(Object.fromEntries(table.get('adaptive')!)).toEqual(Object.fromEntries(PROPERTIES.map((p) => [p.id, 'holds'])));
  });

  it('serial fails at least one of them (it is too slow)', () => {
    expect(table.get('serial')!.filter(([, v]) => v === 'fails').map(([id]) => id)).toEqual(['parallel-recovery-bounded', 'backlog-drains-after-trigger', 'all-suspect-stops-healing']);
  });

  it('unthrottled parallel fails at least one of them (it turns wrong calls into churn)', () => {
    expect(table.get('parallel')!.filter(([, v]) => v === 'fails').map(([id]) => id)).toEqual(['false-positive-churn-bounded', 'all-suspect-stops-healing']);
  });
});
