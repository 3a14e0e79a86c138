import fc from 'fast-check';
import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import { type PropertyDefinition, type Violation } from '../propertyDefinition.ts';
import { eventsOfType } from '../traceQueries.ts';
import { mixedFaultScenarios } from './mixedFaults.ts';

function largestUpdateDomain(scenario: Scenario): number {
  const sizes = new Map<number, number>();
  for (const s of scenario.topology.servers) sizes.set(s.updateDomain, (sizes.get(s.updateDomain) ?? 0) + 1);
  return Math.max(...sizes.values());
}

function damageOverBudget(scenario: Scenario, trace: Trace): Violation | null {
  const budget = scenario.policy.haltBudget;
  if (budget === null) return null;
  const failed = new Set(eventsOfType(trace, 'server.upgradeFailed').filter((e) => e.to === 'upgrade').map((e) => e.event.serverId));
  const limit = largestUpdateDomain(scenario) + budget;
  return failed.size <= limit ? null : { atS: trace.endS, expected: `at most ${limit} servers failed by the upgrade (one update domain + budget ${budget})`, seen: `${failed.size} failed` };
}

export const haltBoundsUpgradeDamage: PropertyDefinition = {
  id: 'halt-bounds-upgrade-damage',
  statement: 'With the halt budget on, servers failed by the upgrade never exceed one update domain plus the budget.',
  hypothesis: 'A broad fault mix with an upgrade under a slow deployment service; a halt budget of 0 to 3 servers.',
  expectation: 'holds',
  mustSee: [{ id: 'halted', description: 'the walk halted on its budget', minShare: 0.2, reached: (_s, t) => t.finalStates['upgrade'] === 'halted' }],
  scenarios: (policy) =>
    mixedFaultScenarios({ haltBudget: fc.integer({ min: 0, max: 3 }) }, policy).map((s) => ({
      ...s,
      faults: [
        ...s.faults.filter((f) => f.kind !== 'upgrade-start' && f.kind !== 'network-degradation'),
        { kind: 'upgrade-start' as const, atS: 0 },
        { kind: 'network-degradation' as const, atS: 0, durationS: 3 * 3600, latencyS: 2 * s.timings.deploymentCallTimeoutS },
      ],
    })),
  check: damageOverBudget,
};
