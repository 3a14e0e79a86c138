/**
 * A broad fault mix for the safety properties that must hold whatever happens: crashes,
 * heartbeat losses, a rack failure, a slow deployment service during an upgrade, portal
 * requests, an operator switching to parallel healing; any healing policy, fencing on or off,
 * either upgrade gate.
 */
import fc from 'fast-check';
import { healingPolicyNamed, type HealingPolicyKind } from '../../model/policy.ts';
import type { Fault } from '../../model/faultSchedule.ts';
import type { Scenario } from '../../model/scenario.ts';
import type { Topology } from '../../model/topology.ts';
import { appsArbitrary } from '../arbitraries/appsArbitrary.ts';
import { type FaultPlan, allOf, crashes, faultDomainsOf, fixed, heartbeatLossFaults, managementRequests, networkDegradation } from '../arbitraries/faultArbitraries.ts';
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

const maybeUpgrade: fc.Arbitrary<FaultPlan> = fc
  .option(fc.record({ atS: fc.integer({ min: 0, max: 3600 }), slowdown: fc.option(networkDegradation({ fromS: 0, toS: 3600 }, [300, 3 * 3600], [601, 3600]), { freq: 2 }) }), { freq: 5 })
  .map((upgrade) => (upgrade === null ? () => [] : allOf(fixed([{ kind: 'upgrade-start', atS: upgrade.atS }]), upgrade.slowdown ?? (() => []))));

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
