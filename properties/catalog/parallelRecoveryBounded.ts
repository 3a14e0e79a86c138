import { appsArbitrary } from '../arbitraries/appsArbitrary.ts';
import { topologyArbitrary } from '../arbitraries/topologyArbitrary.ts';
import { healingPolicyNamed } from '../../model/policy.ts';
import type { PropertyDefinition } from '../propertyDefinition.ts';
import { lateRecovery, parallelPolicy, parallelRecoveryBoundS, recoveryDurations, singleDomainRecoveryScenarios } from './recoveryBound.ts';

export const parallelRecoveryBounded: PropertyDefinition = {
  id: 'parallel-recovery-bounded',
  statement: 'Under parallel healing every lost instance runs again within detection timeout + instance start.',
  hypothesis: 'Failures inside one fault domain (a whole rack, or at most two isolated crashes); spare capacity for healing.',
  expectation: 'holds',
  mustSee: [
    { id: 'instance-lost', description: 'instances were lost and healed', minShare: 0.8, reached: (_s, t) => recoveryDurations(t).length > 0 },
    { id: 'rack-failure', description: 'a whole rack failed', minShare: 0.2, reached: (s) => s.faults.some((f) => f.kind === 'rack-failure') },
    { id: 'backlog', description: 'more instances lost at once than two moves', minShare: 0.2, reached: (_s, t) => t.entries.some((e) => e.kind === 'queue' && e.length + e.inFlight > 2) },
  ],
  scenarios: (policy) =>
    singleDomainRecoveryScenarios(
      topologyArbitrary({ servers: [4, 12], faultDomains: [2, 3], updateDomains: [1, 5], capacity: [1, 4], spareServers: 'all-but-one' }, appsArbitrary({ apps: [2, 8], roles: [1, 2], instances: [1, 3] })),
      parallelPolicy,
      policy,
    ),
  check: lateRecovery,
  measure: (scenario, trace) => ({ durationsS: recoveryDurations(trace), boundS: parallelRecoveryBoundS(scenario) }),
  variants: [
    { label: 'adaptive', policy: { healing: healingPolicyNamed('adaptive') }, expectation: 'holds' },
    { label: 'serial', policy: { healing: healingPolicyNamed('serial') }, expectation: 'fails' },
  ],
};
