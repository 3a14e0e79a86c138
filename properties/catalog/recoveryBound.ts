/**
 * The recovery bound and its check, shared by the recovery properties. Under parallel
 * healing with spare capacity a lost instance waits for detection, then one start:
 * bound = detection timeout + instance start. Serial healing with concurrency k serves a
 * backlog of n moves in ⌈n / k⌉ rounds of one start each, so it breaks the same bound as soon
 * as one failure loses more than k instances.
 */
import fc from 'fast-check';
import type { ControllerPolicy } from '../../model/policy.ts';
import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import type { Topology } from '../../model/topology.ts';
import { singleDomainFailures } from '../arbitraries/faultArbitraries.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from '../arbitraries/timingsArbitrary.ts';
import { type Violation, withPolicy } from '../propertyDefinition.ts';
import { recoveries } from '../traceQueries.ts';

export const RECOVERY_WINDOW = { fromS: 0, toS: 7200 };

export function parallelRecoveryBoundS(scenario: Scenario): number {
  return scenario.timings.detectionTimeoutS + scenario.timings.instanceStartS;
}

export function recoveryDurations(trace: Trace): number[] {
  return recoveries(trace)
    .filter((r) => r.runningAtS !== null)
    .map((r) => r.runningAtS! - r.lostAtS);
}

export function lateRecovery(scenario: Scenario, trace: Trace): Violation | null {
  const boundS = parallelRecoveryBoundS(scenario);
  for (const r of recoveries(trace)) {
    const tookS = (r.runningAtS ?? trace.endS) - r.lostAtS;
    if (tookS > boundS) {
      return {
        atS: r.lostAtS + boundS,
        expected: `every lost instance runs again within ${boundS}s (detection ${scenario.timings.detectionTimeoutS}s + start ${scenario.timings.instanceStartS}s)`,
        seen: r.runningAtS === null ? `${r.instanceId} still not running at the end (${tookS}s)` : `${r.instanceId} ran again after ${tookS}s`,
      };
    }
  }
  return null;
}

/** Failures inside one fault domain: a rack, or at most two isolated crashes. */
export function singleDomainRecoveryScenarios(topology: fc.Arbitrary<Topology>, policy: ControllerPolicy, override?: Partial<ControllerPolicy>): fc.Arbitrary<Scenario> {
  return scenarioArbitrary({
    name: 'failures inside one fault domain',
    topology,
    timings: timingsArbitrary(),
    policy,
    faults: singleDomainFailures(RECOVERY_WINDOW, 2),
    horizonS: (t) => RECOVERY_WINDOW.toS + 2 * (t.detectionTimeoutS + t.instanceStartS) + 3600,
  }).map((s) => withPolicy(s, override));
}

export const parallelPolicy: ControllerPolicy = { ...basePolicy, healing: { kind: 'parallel', concurrency: 1_000_000 } };
