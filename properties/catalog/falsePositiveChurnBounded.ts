/**
 * A transient heartbeat loss on healthy servers: the controller cannot tell it from a dead
 * server, so every instance it moves is churn. The budget is what cautious healing can do
 * before the heartbeats return: evict at most k servers' worth of instances.
 */
import fc from 'fast-check';
import { healingPolicyNamed } from '../../model/policy.ts';
import type { Fault } from '../../model/faultSchedule.ts';
import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import type { ServerSpec, Topology } from '../../model/topology.ts';
import { appsArbitrary } from '../arbitraries/appsArbitrary.ts';
import { faultDomainsOf, serversOfDomain } from '../arbitraries/faultArbitraries.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from '../arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from '../arbitraries/topologyArbitrary.ts';
import { type PropertyDefinition, type Violation, withPolicy } from '../propertyDefinition.ts';
import { eventsOfType } from '../traceQueries.ts';

/** Serial concurrency and adaptive's narrow concurrency alike. */
export const CAUTIOUS_CONCURRENCY = 2;
const SPREAD_S = 30;

/** Budget: k servers' worth of instances, at the fullest server's load. */
export function churnBudget(trace: Trace): number {
  const load = new Map<string, number>();
  for (const serverId of Object.values(trace.initialPlacement)) load.set(serverId, (load.get(serverId) ?? 0) + 1);
  return CAUTIOUS_CONCURRENCY * Math.max(1, ...load.values());
}

/**
 * Which healthy servers lose their heartbeats: a few scattered ones (at most k), most but not
 * all of one rack's (a flapping top-of-rack switch), or every server (the controller is cut off).
 */
function falsePositiveTargets(choice: number, picks: readonly number[]): (topology: Topology) => ServerSpec[] {
  return (topology) => {
    switch (choice % 3) {
      case 0:
        return [...new Set(picks.slice(0, CAUTIOUS_CONCURRENCY).map((p) => topology.servers[p % topology.servers.length]!))];
      case 1: {
        const rack = serversOfDomain(topology, faultDomainsOf(topology)[picks[0]! % faultDomainsOf(topology).length]!);
        const majority = Math.max(Math.ceil(0.55 * rack.length), Math.min(rack.length - 1, CAUTIOUS_CONCURRENCY + 1));
        return rack.slice(0, Math.min(majority, rack.length - 1));
      }
      default:
        return [...topology.servers];
    }
  };
}

function churnOverBudget(_scenario: Scenario, trace: Trace): Violation | null {
  const moves = eventsOfType(trace, 'controller.move').filter((e) => e.to?.startsWith('instance:'));
  const budget = churnBudget(trace);
  if (moves.length <= budget) return null;
  return { atS: moves[budget]!.t, expected: `at most ${budget} instances moved off healthy servers (${CAUTIOUS_CONCURRENCY} servers' worth)`, seen: `${moves.length} moves` };
}

export const falsePositiveChurnBounded: PropertyDefinition = {
  id: 'false-positive-churn-bounded',
  statement: 'A transient heartbeat loss on healthy servers moves at most the churn budget of instances (two servers\' worth).',
  hypothesis: 'No server fails; one network fault loses heartbeats (within 30 s of each other) for longer than the detection timeout but less than one instance start, on at most two scattered servers, most of one rack, or every server.',
  expectation: 'holds',
  mustSee: [
    { id: 'declared-dead', description: 'the controller declared a healthy server dead', minShare: 0.8, reached: (_s, t) => eventsOfType(t, 'controller.declaredDead').length > 0 },
    { id: 'rack-flap', description: 'most of one rack looked dead at once', minShare: 0.2, reached: (_s, t) => eventsOfType(t, 'controller.declaredDead').length > CAUTIOUS_CONCURRENCY && eventsOfType(t, 'controller.declaredDead').length < Object.keys(t.initialStates).filter((a) => a.startsWith('server:')).length },
  ],
  scenarios: (policy) =>
    scenarioArbitrary({
      name: 'transient heartbeat loss on healthy servers',
      topology: topologyArbitrary({ servers: [8, 16], faultDomains: [2, 3], updateDomains: [1, 5], capacity: [1, 3], spareServers: 'all-but-one' }, appsArbitrary({ apps: [4, 12], roles: [1, 2], instances: [1, 2] })),
      timings: timingsArbitrary({ instanceStartS: [600, 1800] }),
      policy: { ...basePolicy, healing: healingPolicyNamed('adaptive') },
      faults: fc
        .record({
          choice: fc.nat(),
          picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
          offsetsS: fc.array(fc.integer({ min: 0, max: SPREAD_S }), { minLength: 1, maxLength: 8 }),
          // One network fault: lost past any detection timeout (at most 300 s), back long before
          // a start (≥ 600 s) ends, every server within the same 30 s of jitter.
          lossS: fc.integer({ min: 301, max: 500 }),
        })
        .map(({ choice, picks, offsetsS, lossS }) => (topology: Topology) =>
          falsePositiveTargets(choice, picks)(topology).map((server, i): Fault => ({
            kind: 'heartbeat-loss',
            atS: 600 + offsetsS[i % offsetsS.length]!,
            serverId: server.id,
            durationS: lossS,
          })),
        ),
      horizonS: (t) => 600 + 2 * 3600 + t.repairS,
    }).map((s) => withPolicy(s, policy)),
  check: churnOverBudget,
  variants: [
    { label: 'serial', policy: { healing: healingPolicyNamed('serial') }, expectation: 'holds' },
    { label: 'parallel', policy: { healing: healingPolicyNamed('parallel') }, expectation: 'fails' },
  ],
};
