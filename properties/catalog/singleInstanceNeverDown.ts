import { withPolicy, type PropertyDefinition } from '../propertyDefinition.ts';
import { singleInstanceApps } from '../arbitraries/appsArbitrary.ts';
import { crashes } from '../arbitraries/faultArbitraries.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from '../arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from '../arbitraries/topologyArbitrary.ts';
import { isSingleInstance } from '../appKinds.ts';
import { firstDownOf } from './appsStayUp.ts';

const WINDOW = { fromS: 0, toS: 3600 };

export const singleInstanceNeverDown: PropertyDefinition = {
  id: 'single-instance-never-down',
  statement: 'An app with one instance per role is never down.',
  hypothesis: 'Any server may crash, at any time in the first hour.',
  expectation: 'fails',
  expectedCounterexample: {
    description: 'one crash of the server that holds the instance',
    notMinimal: (scenario) =>
      scenario.faults.length === 1 && scenario.faults[0]!.kind === 'crash' ? null : `${scenario.faults.length} faults (${scenario.faults.map((f) => f.kind).join(', ')}), expected exactly one crash`,
  },
  mustSee: [],
  scenarios: (policy) =>
    scenarioArbitrary({
      name: 'single-instance apps under crashes',
      topology: topologyArbitrary({ servers: [2, 8], faultDomains: [1, 3], updateDomains: [1, 3], capacity: [1, 4], spareServers: 'all-but-one' }, singleInstanceApps([1, 6])),
      timings: timingsArbitrary(),
      policy: basePolicy,
      faults: crashes(WINDOW, [0, 4]),
      horizonS: (t) => WINDOW.toS + t.detectionTimeoutS + t.instanceStartS + 600,
    }).map((s) => withPolicy(s, policy)),
  check: firstDownOf(isSingleInstance, 'single-instance app'),
};
