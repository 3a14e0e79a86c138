import { isMultiInstance } from '../appKinds.ts';
import type { PropertyDefinition } from '../propertyDefinition.ts';
import { eventsOfType } from '../traceQueries.ts';
import { firstDownOf, someAppDegraded } from './appsStayUp.ts';
import { slowDeploymentUpgrade } from './slowDeploymentUpgrade.ts';

export const upgradeGatedOnRecovery: PropertyDefinition = {
  id: 'upgrade-gated-on-recovery',
  statement: 'The same, when the walk never advances while an instance of an earlier update domain is unreplaced.',
  hypothesis: 'As upgrade-continue-anyway, with the gate closed until every stopped instance runs again: a slowdown that fails one update domain, four or five update domains, spare capacity.',
  expectation: 'holds',
  mustSee: [
    { id: 'upgrade-failures', description: 'servers failed their upgrade on the slow deployment service', minShare: 0.3, reached: (_s, t) => eventsOfType(t, 'server.upgradeFailed').length > 0 },
    { id: 'instance-lost', description: 'a multi-instance app ran degraded', minShare: 0.5, reached: (s, t) => someAppDegraded(isMultiInstance)(s, t) },
  ],
  scenarios: (policy) => slowDeploymentUpgrade('gated-on-recovery', policy),
  check: firstDownOf(isMultiInstance, 'multi-instance app'),
};
