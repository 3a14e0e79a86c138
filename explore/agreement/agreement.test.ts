import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../properties/seeds.ts';
import { planExploration } from '../planExploration.ts';
import { readExploreConfig } from '../readExploreConfig.ts';
import { runExploration } from '../runExploration.ts';
import { agreementOf } from './agreement.ts';

const small = readExploreConfig('examples/small.json');
// Two faults on a 10-minute grid: enough for every expected failure of these properties.
const plan = planExploration(small.explore, small.name, {
  maxFaults: 2,
  granularityS: 600,
  properties: ['single-instance-never-down', 'multi-instance-correlated-failure', 'multi-instance-never-fully-down', 'no-duplicate-running-instance', 'capacity-and-spread-respected'],
});
const run = runExploration(plan);
const rows = run.verdicts.map((v) => ({ explored: v, agreement: agreementOf(v, { runs: 300, seed: DEFAULT_SEED }) }));

describe('exhaustive and random testing agree on the small fabric', () => {
  it('explores the whole bound', () => {
    expect(run.complete).toBe(true);
    expect(run.verdicts.map((v) => `${v.property.definition.id}${v.property.variant ? ` (${v.property.variant.label})` : ''}`)).toEqual([
      'single-instance-never-down',
      'multi-instance-correlated-failure',
      'multi-instance-never-fully-down',
      'no-duplicate-running-instance',
      'no-duplicate-running-instance (fencing off)',
      'capacity-and-spread-respected',
    ]);
  });

  it.each(rows.map((r) => [`${r.agreement.property}${r.agreement.variant ? ` (${r.agreement.variant})` : ''}`, r] as const))('%s: the same verdict, the catalog\'s expectation', (_, { explored, agreement }) => {
    expect(explored.verdict).toBe(explored.expected);
    expect(agreement.random).toBe(agreement.exhaustive);
    expect(agreement.agree).toBe(true);
    expect(agreement.consistent).toBe(true);
  });

  it.each(rows.filter((r) => r.explored.verdict === 'fails').map((r) => [`${r.agreement.property}${r.agreement.variant ? ` (${r.agreement.variant})` : ''}`, r] as const))(
    '%s: random testing needs some runs to find it; its shrunk counterexample is never shorter than the breadth-first one',
    (_, { agreement }) => {
      expect(agreement.runsToFind).toBeGreaterThanOrEqual(1);
      expect(agreement.randomFaults).toBeGreaterThanOrEqual(agreement.exhaustiveFaults!);
      expect(agreement.asShort).toBe(agreement.randomFaults === agreement.exhaustiveFaults);
    },
  );

  it('prints its table', () => {
    const lines = rows.map(({ agreement: a }) =>
      `${`${a.property}${a.variant ? ` (${a.variant})` : ''}`.padEnd(44)} exhaustive ${a.exhaustive.padEnd(5)} random ${a.random.padEnd(5)} runs to find ${String(a.runsToFind ?? '-').padStart(4)}  faults ${a.exhaustiveFaults ?? '-'} / ${a.randomFaults ?? '-'}`,
    );
    console.log(lines.join('\n'));
    expect(lines).toHaveLength(6);
  });
});
