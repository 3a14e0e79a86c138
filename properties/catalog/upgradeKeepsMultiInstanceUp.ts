import type { Trace } from '../../model/simulator/trace.ts';
import type { Scenario } from '../../model/scenario.ts';
import { withPolicy, type PropertyDefinition, type Violation } from '../propertyDefinition.ts';
import { multiInstanceApps } from '../arbitraries/appsArbitrary.ts';
import { fixed } from '../arbitraries/faultArbitraries.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from '../arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from '../arbitraries/topologyArbitrary.ts';
import { isMultiInstance } from '../appKinds.ts';
import { firstDownOf, someAppDegraded } from './appsStayUp.ts';
import fc from 'fast-check';

/** Two update domains with a server mid-upgrade at the same moment. */
export function twoUpdateDomainsDown(scenario: Scenario, trace: Trace): Violation | null {
  const domainOf = new Map(scenario.topology.servers.map((s) => [`server:${s.id}`, s.updateDomain]));
  const upgrading = new Map<string, number>();
  for (const entry of trace.entries) {
    if (entry.kind !== 'state' || !domainOf.has(entry.actor)) continue;
    if (entry.to.startsWith('upgrading')) upgrading.set(entry.actor, domainOf.get(entry.actor)!);
    else upgrading.delete(entry.actor);
    const domains = new Set(upgrading.values());
    if (domains.size > 1) return { atS: entry.t, expected: 'one update domain upgrading at a time', seen: `update domains ${[...domains].sort().join(' and ')} upgrading at once` };
  }
  return null;
}

export const upgradeKeepsMultiInstanceUp: PropertyDefinition = {
  id: 'upgrade-keeps-multi-instance-up',
  statement: 'A fault-free rolling upgrade never takes an app with two or more instances down, and never has two update domains down at once.',
  hypothesis: 'No faults; a healthy deployment service; room on every server to spread each role over update domains; instances start well within the walk\'s 30-minute start timeout.',
  expectation: 'holds',
  mustSee: [
    { id: 'upgrade-done', description: 'the upgrade walked every update domain', minShare: 0.95, reached: (_s, t) => t.finalStates['upgrade'] === 'done' },
    { id: 'app-degraded', description: 'an app ran below its instance count during the walk', minShare: 0.5, reached: (s, t) => someAppDegraded(isMultiInstance)(s, t) },
  ],
  scenarios: (policy) =>
    scenarioArbitrary({
      name: 'fault-free rolling upgrade',
      topology: topologyArbitrary({ servers: [2, 12], faultDomains: [1, 3], updateDomains: [2, 5], capacity: [1, 4], spareServers: 'all-but-one', everyDomainPair: true }, multiInstanceApps([1, 5])),
      timings: timingsArbitrary({ instanceStartS: [120, 1200] }),
      policy: basePolicy,
      faults: fc.integer({ min: 0, max: 600 }).map((atS) => fixed([{ kind: 'upgrade-start', atS }])),
      horizonS: () => 48 * 3600,
    }).map((s) => withPolicy(s, policy)),
  check: (scenario, trace) => firstDownOf(isMultiInstance, 'multi-instance app')(scenario, trace) ?? twoUpdateDomainsDown(scenario, trace),
};
