import { describe, expect, it } from 'vitest';
import type { HealingPolicyKind } from '../model/policy.ts';
import { incidentScenario } from '../model/scenarios/incident20090313.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { deliveriesOf, replay, replayMismatch } from './rawReplay.ts';

describe('raw replay: the simulator\'s deliveries sent straight to fresh actors', () => {
  const policies: readonly (HealingPolicyKind | undefined)[] = [undefined, 'serial', 'parallel', 'adaptive', 'kubernetes'];

  it.each(policies.map((p) => [p ?? 'as it happened', p]))('ends where the simulated incident (%s) ended, actor for actor', (_, policy) => {
    const scenario = incidentScenario(policy);
    const trace = simulate(scenario);
    const deliveries = deliveriesOf(trace);
    expect(deliveries).toHaveLength(trace.steps);
    expect(replayMismatch(trace, replay(scenario, deliveries))).toBeNull();
  });

  it('notices a replay that went elsewhere', () => {
    const scenario = incidentScenario();
    const trace = simulate(scenario);
    expect(replayMismatch(trace, replay(scenario, []))).not.toBeNull();
  });
});
