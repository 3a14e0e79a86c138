/**
 * Realistic timings (DOMAIN.md's ranges), whole seconds. Each field shrinks toward the
 * fastest realistic value, so a shrunk counterexample reads with small numbers.
 */
import fc from 'fast-check';
import { type Timings, defaultTimings } from '../../model/timings.ts';

export interface TimingRanges {
  readonly detectionTimeoutS?: readonly [number, number];
  readonly instanceStartS?: readonly [number, number];
  readonly repairS?: readonly [number, number];
}

const seconds = ([min, max]: readonly [number, number]) => fc.integer({ min, max });

export function timingsArbitrary(ranges: TimingRanges = {}): fc.Arbitrary<Timings> {
  return fc
    .record({
      detectionTimeoutS: seconds(ranges.detectionTimeoutS ?? [40, 300]),
      drainS: seconds([30, 120]),
      deploymentCallS: seconds([60, 300]),
      rebootS: seconds([120, 600]),
      instanceStartS: seconds(ranges.instanceStartS ?? [120, 1800]),
      repairS: seconds(ranges.repairS ?? [3600, 43_200]),
      managementServiceS: seconds([30, 120]),
    })
    .map((t) => ({
      ...defaultTimings,
      ...t,
      // DOMAIN.md: the deployment call times out at twice its normal time.
      deploymentCallTimeoutS: 2 * t.deploymentCallS,
    }));
}
