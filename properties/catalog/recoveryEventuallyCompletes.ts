import fc from 'fast-check';
import { healingPolicyNamed, type HealingPolicyKind } from '../../model/policy.ts';
import type { PropertyDefinition } from '../propertyDefinition.ts';
import { appsArbitrary } from '../arbitraries/appsArbitrary.ts';
import { crashesOfLoadedServers, heartbeatLossFaults } from '../arbitraries/faultArbitraries.ts';
import { swarm } from '../arbitraries/swarm.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from '../arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from '../arbitraries/topologyArbitrary.ts';
import { withPolicy } from '../propertyDefinition.ts';
import { eventsOfType, recoveries } from '../traceQueries.ts';

const WINDOW = { fromS: 0, toS: 4 * 3600 };
const POLICIES: readonly HealingPolicyKind[] = ['serial', 'parallel', 'adaptive', 'kubernetes'];

export const recoveryEventuallyCompletes: PropertyDefinition = {
  id: 'recovery-eventually-completes',
  statement: 'With spare capacity and faults that stop, every lost instance runs again, under every healing policy.',
  hypothesis: 'Crashes and heartbeat losses anywhere during the first four hours, then none; any policy, fencing on or off; spare capacity.',
  expectation: 'holds',
  mustSee: [
    { id: 'instance-lost', description: 'instances were lost', minShare: 0.5, reached: (_s, t) => recoveries(t).length > 0 },
    { id: 'back-after-declared-dead', description: 'a server declared dead answered again', minShare: 0.2, reached: (_s, t) => eventsOfType(t, 'controller.serverRestored').length > 0 },
  ],
  scenarios: (policy) =>
    scenarioArbitrary({
      name: 'faults that stop, any policy',
      topology: topologyArbitrary({ servers: [3, 10], faultDomains: [1, 3], updateDomains: [1, 5], capacity: [1, 4], spareServers: 'all-but-one' }, appsArbitrary({ apps: [1, 6], roles: [1, 2], instances: [1, 3] })),
      timings: timingsArbitrary({ repairS: [3600, 14_400] }),
      policy: fc.record({ kind: fc.constantFrom(...POLICIES), fencing: fc.boolean() }).map(({ kind, fencing }) => ({ ...basePolicy, healing: healingPolicyNamed(kind), fencing })),
      faults: swarm({ crashes: crashesOfLoadedServers(WINDOW, [0, 3]), heartbeatLosses: heartbeatLossFaults(WINDOW, [0, 4], [30, 2 * 3600]) }, { atLeastOne: true }),
      horizonS: (t) => WINDOW.toS + 2 * 3600 + t.repairS + 2 * (t.detectionTimeoutS + t.instanceStartS) + 3600,
    }).map((s) => withPolicy(s, policy)),
  check: (_scenario, trace) => {
    const stuck = recoveries(trace).find((r) => r.runningAtS === null);
    return stuck ? { atS: stuck.lostAtS, expected: 'every lost instance runs again before the run ends', seen: `${stuck.instanceId}, lost at ${stuck.lostAtS}s, never ran again` } : null;
  },
};
