import { describe, expect, it } from 'vitest';
import { planExploration } from '../planExploration.ts';
import { readExploreConfig } from '../readExploreConfig.ts';
import { breadthFirst } from './breadthFirst.ts';
import { symmetryClasses, symmetryReduction } from './symmetry.ts';

const small = readExploreConfig('examples/small.json');
const plan = planExploration(small.explore, small.name, { maxFaults: 2, granularityS: 600 });
const merging = plan.spaces.filter((s) => s.scope === 'stretch');

describe('symmetry: interchangeable servers and apps', () => {
  it('finds the small fabric\'s classes: a1/a2 and d1/d2 (same rack, update domain, capacity), pair/twin (same roles)', () => {
    expect(symmetryClasses(merging[0]!)).toEqual({ servers: [['a1', 'a2'], ['d1', 'd2']], apps: [['pair', 'twin']] });
  });

  it('at the start, crashing a2 is crashing a1 with the names swapped: only one of them is tried', () => {
    const space = merging.find((s) => s.properties.some((p) => p.definition.id === 'single-instance-never-down'))!;
    const reduction = symmetryReduction(space)!;
    const all = space.alphabet.map((_, i) => i);
    const tried = reduction.representatives(reduction.model.initial, [], all).map((i) => space.alphabet[i]!.label);
    expect(tried).toEqual(['crash a1', 'crash b', 'crash c', 'crash d1']);
  });

  it.each(merging.map((s) => [s.label, s] as const))('%s: the same verdicts and shortest counterexamples, with fewer states', (_, space) => {
    const plain = breadthFirst(space);
    const reduction = symmetryReduction(space)!;
    const reduced = breadthFirst(space, { model: reduction.model, key: reduction.key, representatives: reduction.representatives });
    expect(reduced.complete).toBe(true);
    expect(reduced.distinct).toBeLessThan(plain.distinct);
    space.properties.forEach((_, i) => {
      const [a, b] = [plain.findings[i], reduced.findings[i]];
      expect(a === null).toBe(b === null);
      if (a && b) expect([b.faults.length, b.violation.atS]).toEqual([a.faults.length, a.violation.atS]);
    });
  });

  it('names that could be mistaken for one another turn the reduction off', () => {
    const space = merging[0]!;
    const clash = { ...space, scenario: { ...space.scenario, topology: { ...space.scenario.topology, apps: [...space.scenario.topology.apps, { id: 'a1', roles: [{ id: 'x', instances: 1 }] }] } } };
    expect(symmetryReduction(clash, symmetryReduction(space)!.model)).toBeNull();
  });
});
