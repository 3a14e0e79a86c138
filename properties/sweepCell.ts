/**
 * One cell of a sweep (a property at a grid point), in a worker thread or in the sweep's own:
 * check the property under the point's policy, and measure downtime at the point on the
 * property's fixed runs (properties/sweepDowntime.ts). Only plain data crosses the thread
 * boundary: the config and indexes go in, the result and tallies come back.
 */
import { catalog } from './catalog/index.ts';
import type { SweepConfig } from './campaignConfig.ts';
import { DEFAULT_RUNS, type PropertyResult, checkProperty } from './checkProperty.ts';
import type { DowntimeTally } from './downtime.ts';
import { sweepPoints, variantAt } from './sweep.ts';
import { pointDowntime } from './sweepDowntime.ts';

export interface SweepCellJob {
  readonly sweep: SweepConfig;
  readonly pointIndex: number;
  readonly propertyId: string;
  readonly seed: number;
  /** Runs per cell; null: the property's own. */
  readonly runs: number | null;
  readonly swarm: boolean;
}

export interface SweepCellResult {
  readonly result: PropertyResult;
  readonly downtime: readonly DowntimeTally[];
}

export default async function runSweepCell(job: SweepCellJob): Promise<SweepCellResult> {
  const point = sweepPoints(job.sweep.grid)[job.pointIndex];
  const property = catalog.find((p) => p.id === job.propertyId);
  if (!point || !property) throw new Error(`no sweep cell ${job.propertyId} at point ${job.pointIndex}`);
  const result = checkProperty(property, { seed: job.seed, ...(job.runs !== null ? { runs: job.runs } : {}), variant: variantAt(point), swarm: job.swarm });
  const downtime = pointDowntime(property, point, { seed: job.seed, runs: job.runs ?? property.runs ?? DEFAULT_RUNS, swarm: job.swarm });
  return { result, downtime };
}
