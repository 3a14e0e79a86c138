/**
 * Two properties of our own, declared like catalog entries: our operations team's rules.
 */
import {
  type PropertyDefinition,
  type Scenario,
  type Trace,
  appsArbitrary,
  basePolicy,
  crashes,
  eventsOfType,
  heartbeatLosses,
  recoveries,
  scenarioArbitrary,
  timingsArbitrary,
  topologyArbitrary,
  withPolicy,
} from 'fabric-verify';
import { params } from './tokenBucketPolicy.ts';

const policy = { ...basePolicy, healing: params };

/** Moves started in any `windowS` seconds. */
function busiestWindow(trace: Trace, windowS: number): { atS: number; moves: number } {
  const times = eventsOfType(trace, 'controller.move')
    .filter((e) => e.to?.startsWith('instance:'))
    .map((e) => e.t);
  let best = { atS: 0, moves: 0 };
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowS) j++;
    if (i - j + 1 > best.moves) best = { atS: times[i]!, moves: i - j + 1 };
  }
  return best;
}

/** However many servers fail, moves never start faster than the bucket allows. */
export const movesWithinTheBucket: PropertyDefinition = {
  id: 'moves-within-the-bucket',
  statement: `No minute starts more than burst + one minute of tokens (${params.burst} + ${params.ratePerS * 60}) moves.`,
  hypothesis: 'Up to eight server crashes in the first two hours.',
  expectation: 'holds',
  mustSee: [{ id: 'mass-failure', description: 'more instances lost than the burst', minShare: 0.3, reached: (_s, t) => recoveries(t).length > params.burst }],
  scenarios: (override) =>
    scenarioArbitrary({
      name: 'many crashes',
      topology: topologyArbitrary({ servers: [6, 12], faultDomains: [2, 3], updateDomains: [2, 5], capacity: [2, 4], spareServers: 'all-but-one' }, appsArbitrary({ apps: [4, 10], roles: [1, 2], instances: [1, 2] })),
      timings: timingsArbitrary(),
      policy,
      faults: crashes({ fromS: 0, toS: 7200 }, [1, 8]),
      horizonS: (t) => 7200 + 4 * (t.detectionTimeoutS + t.instanceStartS) + 3600,
    }).map((s) => withPolicy(s, override)),
  check(_scenario: Scenario, trace: Trace) {
    const limit = params.burst + params.ratePerS * 60;
    const busiest = busiestWindow(trace, 60);
    return busiest.moves <= limit ? null : { atS: busiest.atS, expected: `at most ${limit} moves in any minute`, seen: `${busiest.moves} moves in the minute up to ${busiest.atS}s` };
  },
};

/** When most of the fabric looks dead, we move nothing for the first back-off. */
export const backsOffWhenMostlyDark: PropertyDefinition = {
  id: 'backs-off-when-mostly-dark',
  statement: `While at least ${params.darkShare * 100}% of servers look dead, no move starts within ${params.backOffS}s of it turning that dark.`,
  hypothesis: 'Most servers lose their heartbeats together for a while (a network partition); nothing actually fails.',
  expectation: 'holds',
  mustSee: [{ id: 'declared-dead', description: 'servers were declared dead', minShare: 0.8, reached: (_s, t) => eventsOfType(t, 'controller.declaredDead').length > 0 }],
  scenarios: (override) =>
    scenarioArbitrary({
      name: 'a partition of most servers',
      topology: topologyArbitrary({ servers: [6, 12], faultDomains: [2, 3], updateDomains: [2, 5], capacity: [2, 4], spareServers: 'all-but-one' }, appsArbitrary({ apps: [3, 8], roles: [1, 1], instances: [1, 2] })),
      timings: timingsArbitrary({ detectionTimeoutS: [40, 120] }),
      policy,
      faults: heartbeatLosses((t) => t.servers.slice(0, Math.ceil(t.servers.length * 0.6)), 600, 20, [400, 1200]),
      horizonS: (t) => 4 * 3600 + t.repairS,
    }).map((s) => withPolicy(s, override)),
  check(_scenario: Scenario, trace: Trace) {
    const firstDeclared = eventsOfType(trace, 'controller.declaredDead')[0];
    if (!firstDeclared) return null;
    const quietUntilS = firstDeclared.t + params.backOffS;
    const early = eventsOfType(trace, 'controller.move').find((e) => e.to?.startsWith('instance:') && e.t >= firstDeclared.t && e.t < quietUntilS);
    return early ? { atS: early.t, expected: `no move before ${quietUntilS}s (back-off)`, seen: `a move at ${early.t}s` } : null;
  },
};
