/**
 * A sweep's downtime: at every grid point, the same generated runs. The runs a check draws
 * stop at its first failure (and, for a clean `holds`, once its must-see situations are
 * decided), so tallying them measured a failing point on a handful of runs and a holding one
 * on hundreds: the shares could not be compared. Here each property's first `runs` scenarios
 * are drawn from the seed at every point; a point only changes the policy and adjustment,
 * mapped onto a draw that does not depend on them, so every point sees the same topologies,
 * timings and faults.
 */
import fc from 'fast-check';
import type { Scenario } from '../model/scenario.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { scenariosFor } from './checkProperty.ts';
import { DowntimeCollector, type DowntimeTally } from './downtime.ts';
import type { PropertyDefinition } from './propertyDefinition.ts';
import { type SweepPoint, pointLabel, variantAt } from './sweep.ts';

export interface DowntimeDraw {
  readonly seed: number;
  readonly runs: number;
  readonly swarm: boolean;
}

/** The scenarios downtime is measured on at one point: the same draws at every point, under its policy. */
export function downtimeRuns(property: PropertyDefinition, point: SweepPoint, draw: DowntimeDraw): Scenario[] {
  return fc.sample(scenariosFor(property, variantAt(point), draw.swarm), { seed: draw.seed, numRuns: draw.runs });
}

/** Downtime at one point over those runs, grouped under the point's label in place of the policy. */
export function pointDowntime(property: PropertyDefinition, point: SweepPoint, draw: DowntimeDraw): DowntimeTally[] {
  const collector = new DowntimeCollector();
  for (const scenario of downtimeRuns(property, point, draw)) collector.add(scenario, simulate(scenario));
  return collector.tallies().map((tally) => ({ ...tally, policy: pointLabel(point) }));
}
