/**
 * The incident's trigger as a generator: a rolling upgrade while the deployment service is
 * slow, so the servers of the update domains walked meanwhile fail; serial healing of one
 * move at a time; multi-instance apps. The two gate rules are checked on it.
 *
 * The slowdown lasts at most 700 s: consecutive update domains make their deployment calls at
 * least drain + call timeout + instance start (≥ 750 s) apart, so it fails one domain's
 * servers. Longer slowdowns fail domain after domain until moved instances have nowhere to
 * go but their sibling's update domain, a placement hazard no gate rule can prevent.
 *
 * Drawn anywhere in the first ten minutes, the slowdown misses every deployment call in most
 * runs (about one in three failed a server), so on an unlucky seed the gate rules were never
 * tested at all. Three runs in four aim it at the upgrade's timeline instead (see
 * `slowdownOnTheWalk`); the fourth keeps the old uniform draw, so runs where the slowdown
 * misses, or meets a later domain, are still drawn.
 */
import fc from 'fast-check';
import type { ControllerPolicy, UpgradeGate } from '../../model/policy.ts';
import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import { appsArbitrary } from '../arbitraries/appsArbitrary.ts';
import { type FaultPlan, allOf, fixed, networkDegradation } from '../arbitraries/faultArbitraries.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from '../arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from '../arbitraries/topologyArbitrary.ts';
import { withPolicy } from '../propertyDefinition.ts';

export function slowDeploymentUpgrade(gate: UpgradeGate, policy?: Partial<ControllerPolicy>): fc.Arbitrary<Scenario> {
  return scenarioArbitrary({
    name: `rolling upgrade with a slow deployment service (${gate})`,
    // Four or five update domains: a moved instance always finds a domain its sibling is not in.
    topology: topologyArbitrary({ servers: [4, 10], faultDomains: [1, 2], updateDomains: [4, 5], capacity: [1, 3], spareServers: 'all-but-one', everyDomainPair: true }, appsArbitrary({ apps: [1, 8], roles: [1, 1], instances: [2, 2] })),
    timings: timingsArbitrary({ instanceStartS: [600, 1500] }),
    policy: { ...basePolicy, healing: { kind: 'serial', concurrency: 1 }, upgradeGate: gate },
    faults: fc
      .integer({ min: 0, max: 600 })
      .chain((upgradeAtS) => slowdownOnTheWalk(upgradeAtS).map((slowdown) => allOf(fixed([{ kind: 'upgrade-start', atS: upgradeAtS }]), slowdown))),
    horizonS: (t) => 2 * t.repairS + 48 * 3600,
  }).map((s) => withPolicy(s, policy));
}

/**
 * The slowdown, three times in four aimed at the first update domain's deployment call (made
 * one drain, 30 to 120 s, after the upgrade starts): it begins within 30 s of the start and
 * lasts past 120 s, so that call outlasts the servers' timeout; at most 700 s, so the next
 * domain's call (≥ 750 s later) is healthy again. Otherwise anywhere in the first ten minutes.
 * Both branches stay inside the hypothesis (one slowdown of at most 700 s, slower than the
 * timeout), so nothing a `holds` property could meet is ruled out.
 */
export function slowdownOnTheWalk(upgradeAtS: number): fc.Arbitrary<FaultPlan> {
  return fc.oneof(
    { weight: 3, arbitrary: networkDegradation({ fromS: upgradeAtS, toS: upgradeAtS + 30 }, [150, 700], [1201, 3600]) },
    { weight: 1, arbitrary: networkDegradation({ fromS: 0, toS: 600 }, [60, 700], [1201, 3600]) },
  );
}

/** Instances whose placed copy is not running at trace position `index`. */
export function instancesNotRunningAt(trace: Trace, index: number): string[] {
  const state = new Map<string, string>();
  for (const [address, value] of Object.entries(trace.initialStates)) if (address.startsWith('instance:')) state.set(address.slice(9), value);
  for (let i = 0; i < index; i++) {
    const entry = trace.entries[i]!;
    if (entry.kind === 'state' && entry.actor.startsWith('instance:')) state.set(entry.actor.slice(9), entry.to);
  }
  return [...state].filter(([, value]) => !value.startsWith('lifecycle.running')).map(([id]) => id);
}
