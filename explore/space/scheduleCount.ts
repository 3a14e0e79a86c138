/**
 * How many fault schedules a bound holds: every allowed sequence of j ≤ K faults (the
 * hypothesis decides what may follow what), placed at j distinct choice points in time order.
 * The explorer covers them all when it finishes; the tree search visits exactly this many runs.
 */
import type { Fault } from '../../model/faultSchedule.ts';
import { choiceTimesS, type ExplorationBound } from './explorationBound.ts';
import { atTime, type FaultChoice } from './faultChoice.ts';
import type { ScheduleRestriction } from './restriction.ts';

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** Allowed fault sequences of each length 0..K (times aside). */
export function sequencesByLength(alphabet: readonly FaultChoice[], restriction: ScheduleRestriction | null, maxFaults: number): number[] {
  const counts = new Array<number>(maxFaults + 1).fill(0);
  const grow = (chosen: Fault[]): void => {
    counts[chosen.length]!++;
    if (chosen.length === maxFaults) return;
    for (const choice of alphabet) {
      if (restriction && !restriction.allows(chosen, choice.fault)) continue;
      chosen.push(atTime(choice, 0));
      grow(chosen);
      chosen.pop();
    }
  };
  grow([]);
  return counts;
}

export function schedulesInBound(alphabet: readonly FaultChoice[], restriction: ScheduleRestriction | null, bound: ExplorationBound): number {
  const points = choiceTimesS(bound).length;
  return sequencesByLength(alphabet, restriction, bound.maxFaults).reduce((sum, sequences, length) => sum + sequences * binomial(points, length), 0);
}
