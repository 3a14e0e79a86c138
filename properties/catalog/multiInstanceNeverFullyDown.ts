import { withPolicy, type PropertyDefinition } from '../propertyDefinition.ts';
import { multiInstanceApps } from '../arbitraries/appsArbitrary.ts';
import { singleDomainFailures } from '../arbitraries/faultArbitraries.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from '../arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from '../arbitraries/topologyArbitrary.ts';
import { isMultiInstance } from '../appKinds.ts';
import { failedServers } from '../traceQueries.ts';
import { firstDownOf, someAppDegraded } from './appsStayUp.ts';

const WINDOW = { fromS: 0, toS: 7200 };

export const multiInstanceNeverFullyDown: PropertyDefinition = {
  id: 'multi-instance-never-fully-down',
  statement: 'An app with at least two instances per role, spread over fault domains, is never down.',
  hypothesis: 'Failures stay inside one fault domain: at most two isolated server crashes, or the whole rack; spare capacity for healing.',
  expectation: 'holds',
  mustSee: [
    { id: 'instance-lost', description: 'a multi-instance app lost an instance', minShare: 0.5, reached: (s, t) => someAppDegraded(isMultiInstance)(s, t) },
    { id: 'correlated-failure', description: 'several servers of one rack failed together', minShare: 0.2, reached: (_s, t) => failedServers(t).size >= 2 },
  ],
  scenarios: (policy) =>
    scenarioArbitrary({
      name: 'multi-instance apps, failures inside one fault domain',
      topology: topologyArbitrary({ servers: [4, 12], faultDomains: [2, 3], updateDomains: [1, 5], capacity: [1, 4], spareServers: 'all-but-one', everyDomainPair: true }, multiInstanceApps([1, 5])),
      timings: timingsArbitrary(),
      policy: basePolicy,
      faults: singleDomainFailures(WINDOW, 2),
      horizonS: (t) => WINDOW.toS + t.detectionTimeoutS + t.instanceStartS + 3600,
    }).map((s) => withPolicy(s, policy)),
  check: firstDownOf(isMultiInstance, 'multi-instance app'),
};
