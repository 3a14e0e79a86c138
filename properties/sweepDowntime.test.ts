/**
 * Downtime per grid point on the same generated runs (issue 17: the sweep measured adaptive's
 * share down and parallel's on different runs, and the shares contradicted the verdicts).
 * Seed: DEFAULT_SEED.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model/scenario.ts';
import { propertyById } from './catalog/index.ts';
import { DEFAULT_SEED } from './seeds.ts';
import { sweepPoints } from './sweep.ts';
import { downtimeRuns } from './sweepDowntime.ts';
import { runSweep } from './sweepRun.ts';

/** A run but for what a grid point sets: its policy. */
const unlessPolicy = ({ policy: _, ...rest }: Scenario) => rest;

describe('sweep downtime', () => {
  it('every grid point draws the same topologies, timings and faults; only the policy differs', () => {
    const property = propertyById('false-positive-churn-bounded')!;
    const points = sweepPoints({ healing: ['serial', 'parallel', 'adaptive'], concurrency: [1, 3], fencing: [true, false] });
    const runs = points.map((point) => downtimeRuns(property, point, { seed: DEFAULT_SEED, runs: 20, swarm: false }));
    for (const [i, point] of points.entries()) {
      expect(runs[i]!.map(unlessPolicy), JSON.stringify(point)).toEqual(runs[0]!.map(unlessPolicy));
      expect(new Set(runs[i]!.map((s) => s.policy.healing.kind))).toEqual(new Set([point.healing]));
    }
  });

  it('a point where a property fails is measured on as many app-runs as one where it holds', async () => {
    // false-positive churn holds under serial healing and fails under parallel: its check stops
    // at the first failure, so tallying the check's own runs counted parallel on fewer runs.
    const run = await runSweep({ properties: ['false-positive-churn-bounded', 'single-instance-never-down'], runs: 15, grid: { healing: ['serial', 'parallel'] } }, { seed: DEFAULT_SEED, runs: null, swarm: false });
    expect(run.summary.cells.map((c) => c.verdicts['false-positive-churn-bounded'])).toEqual(['holds', 'fails']);
    const appRuns = (label: string) => run.downtime.filter((d) => d.policy === label).map((d) => [d.instances, d.appRuns]);
    const serial = new Map<number, number>();
    for (const [n, r] of appRuns('healing=serial')) serial.set(n!, (serial.get(n!) ?? 0) + r!);
    const parallel = new Map<number, number>();
    for (const [n, r] of appRuns('healing=parallel')) parallel.set(n!, (parallel.get(n!) ?? 0) + r!);
    expect(serial.size).toBeGreaterThan(0);
    expect(parallel).toEqual(serial);
  });
});
