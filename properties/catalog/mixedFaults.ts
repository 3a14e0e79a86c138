/**
 * A broad fault mix for the safety properties that must hold whatever happens: crashes,
 * heartbeat losses (often one on a server that then crashes), a rack failure, a slow
 * deployment service during an upgrade, portal requests, an operator switching to parallel
 * healing; any healing policy, fencing on or off, either upgrade gate.
 */
import fc from 'fast-check';
import { healingPolicyNamed, type HealingPolicyKind } from '../../model/policy.ts';
import type { Fault } from '../../model/faultSchedule.ts';
import type { Scenario } from '../../model/scenario.ts';
import type { Topology } from '../../model/topology.ts';
import { appsArbitrary } from '../arbitraries/appsArbitrary.ts';
import { type FaultPlan, crashes, faultDomainsOf, fixed, heartbeatLossFaults, managementRequests } from '../arbitraries/faultArbitraries.ts';
import { swarm } from '../arbitraries/swarm.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from '../arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from '../arbitraries/topologyArbitrary.ts';
import type { ControllerPolicy } from '../../model/policy.ts';
import { withPolicy } from '../propertyDefinition.ts';

export const MIXED_WINDOW = { fromS: 0, toS: 4 * 3600 };
const POLICIES: readonly HealingPolicyKind[] = ['serial', 'parallel', 'adaptive', 'kubernetes'];

const maybeRackFailure: fc.Arbitrary<FaultPlan> = fc.option(fc.record({ domain: fc.nat(), atS: fc.integer({ min: 0, max: MIXED_WINDOW.toS }) }), { freq: 4 }).map(
  (rack) => (topology: Topology): Fault[] => (rack === null ? [] : [{ kind: 'rack-failure', atS: rack.atS, faultDomain: faultDomainsOf(topology)[rack.domain % faultDomainsOf(topology).length]! }]),
);

const slowness = { durationS: fc.integer({ min: 300, max: 3 * 3600 }), latencyS: fc.integer({ min: 601, max: 3600 }) };

/**
 * The upgrade, and usually a slow deployment service during it: the slowdown begins within
 * half an hour of the upgrade's start (drawn apart, a third of them missed the walk), and one
 * time in four a second, worse wave begins while the first lasts (the service degrades again
 * before it recovers).
 */
const maybeUpgrade: fc.Arbitrary<FaultPlan> = fc
  .option(
    fc.record({
      atS: fc.integer({ min: 0, max: 3600 }),
      slowdown: fc.option(fc.record({ offsetS: fc.integer({ min: 0, max: 1800 }), ...slowness, secondWave: fc.option(fc.record({ afterS: fc.integer({ min: 1, max: 299 }), ...slowness }), { freq: 3 }) }), { freq: 3 }),
    }),
    { freq: 5 },
  )
  .map((upgrade): FaultPlan => {
    if (upgrade === null) return () => [];
    const faults: Fault[] = [{ kind: 'upgrade-start', atS: upgrade.atS }];
    const slow = upgrade.slowdown;
    if (slow !== null) {
      const fromS = upgrade.atS + slow.offsetS;
      faults.push({ kind: 'network-degradation', atS: fromS, durationS: slow.durationS, latencyS: slow.latencyS });
      if (slow.secondWave !== null) faults.push({ kind: 'network-degradation', atS: fromS + slow.secondWave.afterS, durationS: slow.secondWave.durationS, latencyS: slow.secondWave.latencyS });
    }
    return fixed(faults);
  });

/**
 * A server cut off early, long enough to be declared dead (> 300 s, the longest detection
 * timeout), back within the first hour and a half: with fencing off its copies serve on as
 * strays, and the upgrade's walk later stops them. Spread over four hours, the plain heartbeat
 * losses rarely came back before the walk, so on many seeds no stray copy was ever stopped.
 */
const maybeEarlyFlap: fc.Arbitrary<FaultPlan> = fc
  .option(fc.record({ server: fc.nat(), atS: fc.integer({ min: 0, max: 1800 }), durationS: fc.integer({ min: 301, max: 3600 }) }), { freq: 2 })
  .map((flap) => (topology: Topology): Fault[] => (flap === null ? [] : [{ kind: 'heartbeat-loss', atS: flap.atS, serverId: topology.servers[flap.server % topology.servers.length]!.id, durationS: flap.durationS }]));

/**
 * A server cut off that then crashes, before or after it is declared dead: the crash meets
 * a server the controller only suspects (its detection timer running) or one it has already
 * declared, fenced or abandoned. Independent draws put a crash inside another server's
 * heartbeat loss, let alone the same server's, too rarely: on some seeds no run crashed a
 * suspected server at all.
 */
const maybeCrashWhileCutOff: fc.Arbitrary<FaultPlan> = fc
  .option(
    fc.record({ server: fc.nat(), atS: fc.integer({ min: 0, max: MIXED_WINDOW.toS }), durationS: fc.integer({ min: 301, max: 3600 }), crashAfterS: fc.integer({ min: 1, max: 600 }) }),
    { freq: 3 },
  )
  .map((cut) => (topology: Topology): Fault[] => {
    if (cut === null) return [];
    const serverId = topology.servers[cut.server % topology.servers.length]!.id;
    return [
      { kind: 'heartbeat-loss', atS: cut.atS, serverId, durationS: cut.durationS },
      { kind: 'crash', atS: cut.atS + cut.crashAfterS, serverId },
    ];
  });

const maybeOperatorSwitch: fc.Arbitrary<FaultPlan> = fc
  .option(fc.integer({ min: 0, max: MIXED_WINDOW.toS }), { freq: 4 })
  .map((atS) => (atS === null ? () => [] : fixed([{ kind: 'operator-parallel', atS }])));

export function mixedFaultScenarios(options: { readonly haltBudget?: fc.Arbitrary<number | null>; readonly storageWritesEveryS?: number } = {}, override?: Partial<ControllerPolicy>): fc.Arbitrary<Scenario> {
  return scenarioArbitrary({
    name: 'a broad fault mix',
    topology: topologyArbitrary({ servers: [3, 12], faultDomains: [1, 3], updateDomains: [1, 5], capacity: [1, 4], spareServers: 'all-but-one', everyDomainPair: true }, appsArbitrary({ apps: [1, 6], roles: [1, 2], instances: [1, 3] })),
    timings: timingsArbitrary({ repairS: [3600, 14_400] }),
    policy: fc
      .record({
        kind: fc.constantFrom(...POLICIES),
        fencing: fc.boolean(),
        upgradeGate: fc.constantFrom('continue-after-timeout' as const, 'gated-on-recovery' as const),
        haltBudget: options.haltBudget ?? fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
        management: fc.constantFrom('shared-queue' as const, 'own-lane' as const),
        alertThreshold: fc.integer({ min: 1, max: 3 }),
      })
      .map(({ kind, ...rest }) => ({ ...basePolicy, ...rest, healing: healingPolicyNamed(kind) })),
    // Every kind is optional here: a swarm run may use any of them, but never none.
    faults: swarm(
      {
        crashes: crashes(MIXED_WINDOW, [0, 4]),
        heartbeatLosses: heartbeatLossFaults(MIXED_WINDOW, [0, 3], [30, 2 * 3600]),
        earlyFlap: maybeEarlyFlap,
        crashWhileCutOff: maybeCrashWhileCutOff,
        rackFailure: maybeRackFailure,
        upgrade: maybeUpgrade,
        portalRequests: managementRequests(MIXED_WINDOW, [0, 4]),
        operatorSwitch: maybeOperatorSwitch,
      },
      { atLeastOne: true },
    ),
    horizonS: (t) => MIXED_WINDOW.toS + 2 * 3600 + t.repairS + 12 * 3600,
  })
    .map((s) => (options.storageWritesEveryS ? { ...s, faults: [...s.faults, ...storageWriteFaults(options.storageWritesEveryS)] } : s))
    .map((s) => withPolicy(s, override));
}

function storageWriteFaults(everyS: number): Fault[] {
  const writes: Fault[] = [];
  for (let atS = 0, n = 0; atS <= MIXED_WINDOW.toS + 3600; atS += everyS, n++) writes.push({ kind: 'storage-write', atS, writeId: `write${n}` });
  return writes;
}
