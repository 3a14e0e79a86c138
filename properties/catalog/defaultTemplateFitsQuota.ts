/**
 * The incident's fix for customers: templates default to two instances per role, and the
 * second does not count against quota, so the default deploys within a CTP subscription's
 * one-instance-per-role quota.
 */
import fc from 'fast-check';
import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import { quotaCharge } from '../../model/topology.ts';
import { appsArbitrary } from '../arbitraries/appsArbitrary.ts';
import { noFaults } from '../arbitraries/faultArbitraries.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from '../arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from '../arbitraries/topologyArbitrary.ts';
import { type PropertyDefinition, type Violation, withPolicy } from '../propertyDefinition.ts';

const CTP_QUOTA = { instancesPerRole: 1, secondInstanceFree: true };

function overQuotaOrNotDeployed(scenario: Scenario, trace: Trace): Violation | null {
  const quota = scenario.topology.quota ?? CTP_QUOTA;
  for (const app of scenario.topology.apps) {
    for (const role of app.roles) {
      const charge = quotaCharge(role, quota);
      if (charge > quota.instancesPerRole) {
        return { atS: 0, expected: `${app.id}/${role.id} charged at most ${quota.instancesPerRole} instance(s) of quota`, seen: `charged ${charge} for ${role.instances} instances` };
      }
    }
  }
  const notRunning = Object.entries(trace.initialStates).find(([address, state]) => address.startsWith('instance:') && !state.startsWith('lifecycle.running'));
  return notRunning ? { atS: 0, expected: 'every instance of the template deployed and running', seen: `${notRunning[0].slice(9)} ${notRunning[1]}` } : null;
}

export const defaultTemplateFitsQuota: PropertyDefinition = {
  id: 'default-template-fits-quota',
  statement: 'A default two-instance template deploys within a one-instance-per-role quota, because the second instance is free.',
  hypothesis: 'CTP subscriptions: up to five roles of two instances each, one instance per role of quota, the second instance free; room to deploy.',
  expectation: 'holds',
  mustSee: [{ id: 'multi-role', description: 'an app with several roles deployed', minShare: 0.5, reached: (s) => s.topology.apps.some((a) => a.roles.length > 1) }],
  scenarios: (policy) =>
    scenarioArbitrary({
      name: 'default two-instance templates under the CTP quota',
      topology: topologyArbitrary({ servers: [2, 8], faultDomains: [1, 2], updateDomains: [1, 5], capacity: [1, 4], spareServers: 0 }, appsArbitrary({ apps: [1, 3], roles: [1, 5], instances: [2, 2] })).map((t) => ({ ...t, quota: CTP_QUOTA })),
      timings: timingsArbitrary(),
      policy: basePolicy,
      faults: fc.constant(noFaults),
      horizonS: () => 3600,
    }).map((s) => withPolicy(s, policy)),
  check: overQuotaOrNotDeployed,
  variants: [
    {
      label: 'second instance counted',
      policy: {},
      adjust: (scenario) => ({ ...scenario, topology: { ...scenario.topology, quota: { instancesPerRole: 1, secondInstanceFree: false } } }),
      expectation: 'fails',
      expectedCounterexample: {
        description: 'one app with one two-instance role',
        notMinimal: (scenario) => {
          const roles = scenario.topology.apps.flatMap((a) => a.roles);
          return scenario.topology.apps.length === 1 && roles.length === 1 ? null : `${scenario.topology.apps.length} apps with ${roles.length} roles, expected one app with one role`;
        },
      },
    },
  ],
};
