import type { FaultSchedule } from './faultSchedule.ts';
import type { ControllerPolicy } from './policy.ts';
import type { Timings } from './timings.ts';
import type { Topology } from './topology.ts';

/** Everything one simulation needs: the same scenario always gives the same trace. */
export interface Scenario {
  readonly name: string;
  readonly topology: Topology;
  readonly policy: ControllerPolicy;
  readonly timings: Timings;
  readonly faults: FaultSchedule;
  /** The simulation stops at this time even if events remain (a run is always bounded). */
  readonly horizonS: number;
}
