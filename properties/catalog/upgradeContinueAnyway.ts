import { isMultiInstance } from '../appKinds.ts';
import type { PropertyDefinition } from '../propertyDefinition.ts';
import { firstDownOf } from './appsStayUp.ts';
import { instancesNotRunningAt, slowDeploymentUpgrade } from './slowDeploymentUpgrade.ts';

export const upgradeContinueAnyway: PropertyDefinition = {
  id: 'upgrade-continue-anyway',
  statement: 'With the walk\'s "continue after the start timeout" rule and a slow deployment service, multi-instance apps stay up.',
  hypothesis: 'A rolling upgrade while the deployment service is slower than the servers\' timeout long enough to fail one update domain; serial healing, one move at a time.',
  expectation: 'fails',
  expectedCounterexample: {
    description: 'one instance of an earlier update domain not yet restarted when the walk moves on to the next',
    notMinimal: (scenario, trace) => {
      const down = trace.entries.findIndex((e) => e.kind === 'app' && e.to === 'down');
      let walkedOn = -1;
      for (let i = 0; i < down; i++) {
        const e = trace.entries[i]!;
        if (e.kind === 'event' && e.event.type === 'upgrade.domainStarted' && e.event.domainIndex > 0) walkedOn = i;
      }
      if (walkedOn < 0) return 'no update domain after the first was started before the app went down';
      const unrestarted = instancesNotRunningAt(trace, walkedOn);
      return unrestarted.length === 1 ? null : `${unrestarted.length} instances not running when the walk moved on (${unrestarted.join(', ')}), expected 1`;
    },
  },
  mustSee: [],
  scenarios: (policy) => slowDeploymentUpgrade('continue-after-timeout', policy),
  check: firstDownOf(isMultiInstance, 'multi-instance app'),
};
