import { withPolicy, type PropertyDefinition } from '../propertyDefinition.ts';
import { appsArbitrary } from '../arbitraries/appsArbitrary.ts';
import { crashes } from '../arbitraries/faultArbitraries.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from '../arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from '../arbitraries/topologyArbitrary.ts';
import { isMultiInstance } from '../appKinds.ts';
import { firstDownOf } from './appsStayUp.ts';

const WINDOW = { fromS: 0, toS: 7200 };
/** Every role runs exactly this many instances, so the smallest story is this many crashes. */
export const INSTANCES_PER_ROLE = 2;

export const multiInstanceCorrelatedFailure: PropertyDefinition = {
  id: 'multi-instance-correlated-failure',
  statement: 'An app with at least two instances per role is never down, without the single-domain hypothesis.',
  hypothesis: 'Any servers may crash, anywhere, at any time in the first two hours.',
  expectation: 'fails',
  expectedCounterexample: {
    description: `${INSTANCES_PER_ROLE} crashes: the servers of every instance of one role, inside one healing window`,
    notMinimal: (scenario) => {
      const crashes = scenario.faults.filter((f) => f.kind === 'crash');
      if (scenario.faults.length !== INSTANCES_PER_ROLE || crashes.length !== INSTANCES_PER_ROLE) {
        return `${scenario.faults.length} faults (${crashes.length} crashes), expected exactly ${INSTANCES_PER_ROLE} crashes`;
      }
      const spanS = Math.max(...crashes.map((f) => f.atS)) - Math.min(...crashes.map((f) => f.atS));
      const windowS = scenario.timings.detectionTimeoutS + scenario.timings.instanceStartS;
      return spanS < windowS ? null : `crashes ${spanS}s apart, not inside one healing window (${windowS}s)`;
    },
  },
  mustSee: [],
  scenarios: (policy) =>
    scenarioArbitrary({
      name: 'multi-instance apps, crashes anywhere',
      topology: topologyArbitrary(
        { servers: [3, 10], faultDomains: [2, 3], updateDomains: [1, 5], capacity: [1, 4], spareServers: 'all-but-one' },
        appsArbitrary({ apps: [1, 5], roles: [1, 2], instances: [INSTANCES_PER_ROLE, INSTANCES_PER_ROLE] }),
      ),
      timings: timingsArbitrary(),
      policy: basePolicy,
      faults: crashes(WINDOW, [0, 6]),
      horizonS: (t) => WINDOW.toS + t.detectionTimeoutS + t.instanceStartS + 3600,
    }).map((s) => withPolicy(s, policy)),
  check: firstDownOf(isMultiInstance, 'multi-instance app'),
};
