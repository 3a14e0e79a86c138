/**
 * A whole scenario from its parts: topology, timings, policy and a fault plan resolved
 * against the topology.
 */
import fc from 'fast-check';
import type { ControllerPolicy } from '../../model/policy.ts';
import type { Scenario } from '../../model/scenario.ts';
import type { Timings } from '../../model/timings.ts';
import type { Topology } from '../../model/topology.ts';
import type { FaultPlan } from './faultArbitraries.ts';
import { StoryFirstShrinking } from './storyFirstShrinking.ts';

export const basePolicy: ControllerPolicy = {
  healing: { kind: 'parallel', concurrency: 1_000_000 },
  management: 'shared-queue',
  fencing: true,
  upgradeGate: 'continue-after-timeout',
  haltBudget: null,
  alertThreshold: 3,
};

export interface ScenarioParts {
  readonly name: string;
  readonly topology: fc.Arbitrary<Topology>;
  readonly timings: fc.Arbitrary<Timings>;
  readonly policy: fc.Arbitrary<ControllerPolicy> | ControllerPolicy;
  readonly faults: fc.Arbitrary<FaultPlan>;
  /** The horizon from the scenario's timings (long enough for the story to settle). */
  readonly horizonS: (timings: Timings) => number;
  /**
   * Shrink the fault plan and the timings before the topology (the same scenarios are drawn):
   * for a property that most smaller fabrics pass, this spares the shrinker their candidates
   * after every step (properties/arbitraries/storyFirstShrinking.ts).
   */
  readonly shrinkStoryFirst?: boolean;
}

export function scenarioArbitrary(parts: ScenarioParts): fc.Arbitrary<Scenario> {
  const policy = 'healing' in parts.policy ? fc.constant(parts.policy) : parts.policy;
  const toScenario = ({ topology, timings, policy, plan }: { topology: Topology; timings: Timings; policy: ControllerPolicy; plan: FaultPlan }): Scenario => ({
    name: parts.name,
    topology,
    policy,
    timings,
    faults: plan(topology),
    horizonS: parts.horizonS(timings),
  });
  if (parts.shrinkStoryFirst) {
    // The record's field order for drawing; plan, then timings, then policy, then topology for shrinking.
    return new StoryFirstShrinking<[Topology, Timings, ControllerPolicy, FaultPlan]>([parts.topology, parts.timings, policy, parts.faults], [3, 1, 2, 0]).map(([topology, timings, policy, plan]) =>
      toScenario({ topology, timings, policy, plan }),
    );
  }
  return fc.record({ topology: parts.topology, timings: parts.timings, policy, plan: parts.faults }).map(toScenario);
}
