/**
 * Test support: properties of a user's own, small and quick (a few servers, one or two
 * crashes), as a property module's default export and one by one; and properties that break
 * their contract (a check that throws, one that answers undefined).
 */
import type { PropertyDefinition } from './propertyDefinition.ts';
import { appsArbitrary } from './arbitraries/appsArbitrary.ts';
import { crashes } from './arbitraries/faultArbitraries.ts';
import { basePolicy, scenarioArbitrary } from './arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from './arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from './arbitraries/topologyArbitrary.ts';
import { withPolicy } from './propertyDefinition.ts';

const smallFabric = (override?: Parameters<PropertyDefinition['scenarios']>[0]) =>
  scenarioArbitrary({
    name: 'small fabric',
    topology: topologyArbitrary({ servers: [3, 5], faultDomains: [2, 2], updateDomains: [2, 2], capacity: [2, 3], spareServers: 'all-but-one' }, appsArbitrary({ apps: [1, 3], roles: [1, 1], instances: [1, 2] })),
    timings: timingsArbitrary(),
    policy: basePolicy,
    faults: crashes({ fromS: 0, toS: 3600 }, [1, 2]),
    horizonS: () => 4 * 3600,
  }).map((scenario) => withPolicy(scenario, override));

const base = { hypothesis: 'One or two server crashes in the first hour, on a small fabric.', expectation: 'holds' as const, mustSee: [], scenarios: smallFabric };

/** Holds: a run ends (it settles, or is cut at the horizon). */
export const runEnds: PropertyDefinition = {
  ...base,
  id: 'fixture.run-ends',
  statement: 'Every run ends, settled or at its horizon.',
  check: (_scenario, trace) => (trace.end === 'step-limit' ? { atS: trace.endS, expected: 'a run that ends', seen: 'the step limit' } : null),
};

/** Fails at once: a crash is a crash. */
export const noCrash: PropertyDefinition = {
  ...base,
  id: 'fixture.no-crash',
  statement: 'No server ever crashes (it does: the hypothesis crashes one).',
  expectation: 'fails',
  check: (scenario) => {
    const crash = scenario.faults.find((f) => f.kind === 'crash');
    return crash ? { atS: crash.atS, expected: 'no crash', seen: `${crash.serverId} crashed` } : null;
  },
};

export const throwing: PropertyDefinition = { ...runEnds, id: 'fixture.throwing', check: () => { throw new Error('no trace for me'); } };

export const undefinedCheck: PropertyDefinition = { ...runEnds, id: 'fixture.undefined', check: (() => undefined) as unknown as PropertyDefinition['check'] };

export default [runEnds, noCrash];
