import { describe, expect, it } from 'vitest';
import type { Fault } from '../../model/faultSchedule.ts';
import { simulate } from '../../model/simulator/simulate.ts';
import { violationOf } from '../../properties/checkProperty.ts';
import type { Violation } from '../../properties/propertyDefinition.ts';
import { type BoundOverrides, planExploration } from '../planExploration.ts';
import { readExploreConfig } from '../readExploreConfig.ts';
import { choiceTimesS } from '../space/explorationBound.ts';
import type { ExplorationSpace } from '../space/explorationSpace.ts';
import { atTime } from '../space/faultChoice.ts';
import { schedulesInBound } from '../space/scheduleCount.ts';
import { breadthFirst } from './breadthFirst.ts';

const small = readExploreConfig('examples/small.json');

function spaceOf(property: string, overrides: BoundOverrides, variant: string | null = null): ExplorationSpace {
  const plan = planExploration(small.explore, small.name, { ...overrides, properties: [property] });
  const space = plan.spaces.find((s) => s.properties.some((p) => (p.variant?.label ?? null) === variant))!;
  return { ...space, properties: space.properties.filter((p) => (p.variant?.label ?? null) === variant) };
}

/** Every schedule of the bound, by brute force: each allowed fault sequence at each choice of grid points. */
function everySchedule(space: ExplorationSpace): Fault[][] {
  const times = choiceTimesS(space.bound);
  const schedules: Fault[][] = [];
  const grow = (chosen: Fault[], from: number) => {
    schedules.push([...chosen]);
    if (chosen.length === space.bound.maxFaults) return;
    for (let point = from; point < times.length; point++) {
      for (const choice of space.alphabet) {
        if (space.restriction && !space.restriction.allows(chosen, choice.fault)) continue;
        grow([...chosen, atTime(choice, times[point]!)], point + 1);
      }
    }
  };
  grow([], 0);
  return schedules;
}

/** The shortest violation over every schedule, each simulated on its own: fewest faults, then earliest. */
function bruteForce(space: ExplorationSpace): { schedules: number; shortest: { faults: number; violation: Violation } | null } {
  const property = space.properties[0]!;
  let shortest: { faults: number; violation: Violation } | null = null;
  const all = everySchedule(space);
  for (const faults of all) {
    const scenario = { ...space.scenario, faults };
    const violation = violationOf(property.definition, scenario, simulate(scenario));
    if (violation && (shortest === null || faults.length < shortest.faults || (faults.length === shortest.faults && violation.atS < shortest.violation.atS))) {
      shortest = { faults: faults.length, violation };
    }
  }
  return { schedules: all.length, shortest };
}

describe('breadth-first search finds what simulating every schedule finds', () => {
  const cases: [string, string, string | null, BoundOverrides][] = [
    ['a stretch check, one fault', 'single-instance-never-down', null, { maxFaults: 1, granularityS: 600 }],
    ['a stretch check, two faults', 'multi-instance-correlated-failure', null, { maxFaults: 2, granularityS: 900 }],
    ['a stretch check under a hypothesis', 'multi-instance-never-fully-down', null, { maxFaults: 2, granularityS: 900 }],
    ['a stretch check, heartbeats', 'no-duplicate-running-instance', 'fencing off', { maxFaults: 1, granularityS: 600 }],
    ['a whole-run check', 'serial-recovery-bounded', null, { maxFaults: 2, granularityS: 900 }],
    ['a whole-run check that holds', 'capacity-and-spread-respected', null, { maxFaults: 1, granularityS: 900 }],
  ];

  it.each(cases)('%s (%s)', (_, property, variant, overrides) => {
    const space = spaceOf(property, overrides, variant);
    const search = breadthFirst(space);
    const brute = bruteForce(space);
    expect(search.complete).toBe(true);
    expect(search.schedules).toBe(brute.schedules);
    const finding = search.findings[0]!;
    if (brute.shortest === null) expect(finding).toBeNull();
    else {
      expect(finding?.faults.length).toBe(brute.shortest.faults);
      const scenario = { ...space.scenario, faults: [...finding!.faults] };
      expect(violationOf(space.properties[0]!.definition, scenario, simulate(scenario))).toEqual(brute.shortest.violation);
    }
  });
});

describe('merging equal states loses nothing', () => {
  // The same space searched twice: merging states and checking stretches, and following every run whole.
  it.each([
    ['single-instance-never-down', null],
    ['multi-instance-correlated-failure', null],
    ['no-duplicate-running-instance', 'fencing off'],
    ['no-duplicate-running-instance', null],
  ] as const)('%s (%s): the same verdict and the same shortest counterexample', (property, variant) => {
    const space = spaceOf(property, { maxFaults: 2, granularityS: 600 }, variant);
    expect(space.scope).toBe('stretch');
    const merged = breadthFirst(space);
    const whole = breadthFirst({ ...space, scope: 'whole-run' });
    expect(merged.distinct).toBeLessThan(whole.generated);
    expect(whole.schedules).toBe(merged.schedules);
    const [a, b] = [merged.findings[0], whole.findings[0]];
    expect(a === null).toBe(b === null);
    if (a && b) {
      expect(a.faults.length).toBe(b.faults.length);
      expect(a.violation).toEqual(b.violation);
    }
  });
});

describe('the bound', () => {
  it('a complete search covers every schedule of the bound', () => {
    const space = spaceOf('no-duplicate-running-instance', { maxFaults: 2, granularityS: 900 });
    const search = breadthFirst(space);
    expect(search.complete).toBe(true);
    expect(search.schedules).toBe(schedulesInBound(space.alphabet, space.restriction, space.bound));
    expect(search.depth).toBe(choiceTimesS(space.bound).length - 1);
  });

  it('a search stopped early says so, and claims only the runs it finished', () => {
    const space = spaceOf('no-duplicate-running-instance', { maxFaults: 2, granularityS: 300 });
    const search = breadthFirst(space, { maxStates: 200 });
    expect(search.complete).toBe(false);
    expect(search.distinct).toBeLessThanOrEqual(200 + space.alphabet.length + 1);
    expect(search.schedules).toBeLessThan(schedulesInBound(space.alphabet, space.restriction, space.bound));
  });

  it('no faults allowed: one schedule, the fault-free run', () => {
    const space = spaceOf('single-instance-never-down', { maxFaults: 0 });
    const search = breadthFirst(space);
    expect(search.schedules).toBe(1);
    expect(search.findings[0]).toBeNull();
  });
});
