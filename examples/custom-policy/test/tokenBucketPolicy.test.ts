/**
 * Our policy, checked three ways with fabric-verify's public API:
 * 1. our own properties, through the same machinery as the catalog (shrinking, must-see);
 * 2. a property written as a plain @fast-check/vitest test, its failure message a timeline;
 * 3. the catalog's policy bar, to see where our policy stands against the built-in ones.
 */
import { fc, test } from '@fast-check/vitest';
import { checkProperty, assertProperty, catalog, basePolicy, scenarioArbitrary, topologyArbitrary, appsArbitrary, timingsArbitrary, singleDomainFailures, PropertyViolation } from 'fabric-verify';
import { describe, expect, it } from 'vitest';
import { backsOffWhenMostlyDark, movesWithinTheBucket } from '../src/properties.ts';
import tokenBucketPolicy, { params } from '../src/tokenBucketPolicy.ts';

// Our policy is passed to each call that may meet it: nothing is registered process-wide.
const healingPolicies = [tokenBucketPolicy];
const seed = 20_090_313;

describe('our own properties', () => {
  for (const property of [movesWithinTheBucket, backsOffWhenMostlyDark]) {
    it(`${property.id} holds, having seen what it must`, () => {
      const result = checkProperty(property, { seed, runs: 60, healingPolicies });
      expect(result.mustSee.every((m) => m.met), JSON.stringify(result.mustSee)).toBe(true);
      expect(result.verdict, result.counterexample ? JSON.stringify(result.counterexample.violation) : '').toBe('holds');
    });
  }

  it('the back-off property fails for unthrottled parallel healing, shrunk to a short story', () => {
    const result = checkProperty(backsOffWhenMostlyDark, { seed, runs: 60, variant: { label: 'parallel', policy: { healing: { kind: 'parallel', concurrency: 1_000_000 } }, expectation: 'fails' } });
    expect(result.verdict).toBe('fails');
    expect(result.counterexample!.violation.seen).toMatch(/^a move at \d+s$/);
  });
});

describe('a property as a @fast-check/vitest test', () => {
  const rackFailures = scenarioArbitrary({
    name: 'rack failures',
    topology: topologyArbitrary({ servers: [6, 10], faultDomains: [2, 3], updateDomains: [2, 5], capacity: [2, 4], spareServers: 'all-but-one' }, appsArbitrary({ apps: [2, 6], roles: [1, 1], instances: [2, 2] })),
    timings: timingsArbitrary(),
    policy: { ...basePolicy, healing: params },
    faults: singleDomainFailures({ fromS: 0, toS: 3600 }, 2),
    horizonS: () => 6 * 3600,
  });

  test.prop([rackFailures], { seed, numRuns: 40 })('our multi-instance apps are never down when one rack fails', (scenario) => {
    assertProperty(catalog.find((p) => p.id === 'multi-instance-never-fully-down')!, scenario, { healingPolicies });
  });

  it('a failing property reads as a timeline in the failure message', () => {
    const singleInstance = catalog.find((p) => p.id === 'single-instance-never-down')!;
    const scenario = fc.sample(singleInstance.scenarios({ healing: params }).filter((s) => s.faults.length > 0), { seed, numRuns: 50 }).find((s) => {
      try {
        assertProperty(singleInstance, s, { healingPolicies });
        return false;
      } catch {
        return true;
      }
    })!;
    expect(() => assertProperty(singleInstance, scenario, { healingPolicies })).toThrow(PropertyViolation);
    expect(() => assertProperty(singleInstance, scenario, { healingPolicies })).toThrow(/Timeline:[\s\S]*→ DOWN/);
  });
});

describe('the policy bar (the catalog properties a healing policy is held to)', () => {
  const bar = ['parallel-recovery-bounded', 'backlog-drains-after-trigger', 'false-positive-churn-bounded', 'all-suspect-stops-healing', 'recovery-eventually-completes'];
  const verdicts = Object.fromEntries(
    bar.map((id) => {
      const property = catalog.find((p) => p.id === id)!;
      return [id, checkProperty(property, { seed, runs: 60, healingPolicies, variant: { label: 'token bucket', policy: { healing: params }, expectation: 'holds' } }).verdict];
    }),
  );
  console.log('token bucket against the policy bar:', verdicts);

  it('our policy keeps the backlog draining, stands still when cut off, and always finishes healing', () => {
    expect(verdicts).toMatchObject({ 'backlog-drains-after-trigger': 'holds', 'all-suspect-stops-healing': 'holds', 'recovery-eventually-completes': 'holds' });
  });

  it('but a token bucket alone does not resolve the tension: too slow for a whole rack, too fast for a flapping one', () => {
    // A rate limit cannot tell a dead rack from a flapping one: it heals both at the same pace.
    expect(verdicts['parallel-recovery-bounded']).toBe('fails');
    expect(verdicts['false-positive-churn-bounded']).toBe('fails');
  });
});
