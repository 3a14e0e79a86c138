/**
 * Random testing of an exploration's own space, for comparison: fast-check draws schedules of
 * the same bound (faults of the same alphabet at choice points of the same grid, at most K,
 * allowed by the same hypothesis) and shrinks a failure toward fewer faults and earlier times.
 */
import fc from 'fast-check';
import type { Fault } from '../../model/faultSchedule.ts';
import { choiceTimesS } from '../space/explorationBound.ts';
import type { ExplorationSpace } from '../space/explorationSpace.ts';
import { atTime } from '../space/faultChoice.ts';

export function scheduleArbitrary(space: ExplorationSpace): fc.Arbitrary<Fault[]> {
  const times = choiceTimesS(space.bound);
  const { alphabet, restriction } = space;
  if (alphabet.length === 0 || space.bound.maxFaults === 0) return fc.constant([]);
  const drawn = fc.record({ point: fc.nat({ max: times.length - 1 }), choice: fc.nat({ max: alphabet.length - 1 }) });
  return fc.array(drawn, { maxLength: space.bound.maxFaults }).map((draws) => {
    // One fault per choice point, in time order, each one the hypothesis allows after the earlier ones.
    const faults: Fault[] = [];
    const used = new Set<number>();
    for (const { point, choice } of [...draws].sort((a, b) => a.point - b.point)) {
      if (used.has(point)) continue;
      const candidate = alphabet[choice]!;
      if (restriction && !restriction.allows(faults, candidate.fault)) continue;
      used.add(point);
      faults.push(atTime(candidate, times[point]!));
    }
    return faults;
  });
}
