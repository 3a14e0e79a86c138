/**
 * Running a sweep: every property at every grid point, one cell a job on the campaign's worker
 * pool (properties/workerPool.ts). Cells finish in any order and are filed by position, so the
 * summary is the same whatever the worker count. Stopped early (Ctrl-C), it keeps what
 * finished: every point stays in the grid, its unchecked cells without a verdict, and only
 * points whose every cell finished report downtime (a point measured on fewer runs would not
 * compare).
 */
import { type Counterexample, counterexampleFileName } from './counterexample.ts';
import type { SweepCell, SweepSummary } from '../reports/summary.ts';
import { COUNTEREXAMPLE_FOLDER } from '../reports/summarize.ts';
import { catalog } from './catalog/index.ts';
import type { SweepConfig } from './campaignConfig.ts';
import type { PropertyResult } from './checkProperty.ts';
import type { DowntimeTally } from './downtime.ts';
import { pointLabel, sweepPoints } from './sweep.ts';
import runSweepCell, { type SweepCellJob, type SweepCellResult } from './sweepCell.ts';
import { runJobs } from './workerPool.ts';

/** Where a sweep's counterexamples go in its report folder: one file per failing cell. */
export const SWEEP_COUNTEREXAMPLE_FOLDER = `${COUNTEREXAMPLE_FOLDER}/sweep`;

export interface SweepRunOptions {
  readonly seed: number;
  /** Runs per cell; null: the config's, else each property's own. */
  readonly runs: number | null;
  readonly swarm: boolean;
  /** Worker threads; 0 or absent: every cell in this thread. */
  readonly workers?: number;
  /** A cell finished (counted at completion): how many so far, of how many. */
  readonly onCellDone?: (result: PropertyResult, done: number, total: number) => void;
  readonly shouldStop?: () => boolean;
}

export interface SweepRun {
  readonly summary: SweepSummary;
  readonly downtime: readonly DowntimeTally[];
  readonly complete: boolean;
  /** Each failing cell's counterexample, by its file in the report folder. */
  readonly counterexamples: ReadonlyMap<string, Counterexample>;
}

/** The sweep's properties, in catalog order. */
function sweepProperties(sweep: SweepConfig): string[] {
  return catalog.filter((p) => sweep.properties.includes(p.id)).map((p) => p.id);
}

/** Cells in the sweep: grid points times properties. */
export function sweepCellCount(sweep: SweepConfig): number {
  return sweepPoints(sweep.grid).length * sweepProperties(sweep).length;
}

export async function runSweep(sweep: SweepConfig, options: SweepRunOptions): Promise<SweepRun> {
  const points = sweepPoints(sweep.grid);
  const properties = sweepProperties(sweep);
  const runs = options.runs ?? sweep.runs ?? null;
  // Grid order: point by point, each point's properties in catalog order.
  const jobs: SweepCellJob[] = points.flatMap((_, pointIndex) => properties.map((propertyId) => ({ sweep, pointIndex, propertyId, seed: options.seed, runs, swarm: options.swarm })));
  const results: (SweepCellResult | undefined)[] = new Array(jobs.length);
  let done = 0;
  await runJobs(jobs, {
    workers: options.workers ?? 0,
    exportName: 'sweepCell',
    runInThread: runSweepCell,
    onDone: (position, cell) => {
      results[position] = cell;
      options.onCellDone?.(cell.result, ++done, jobs.length);
    },
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
  });

  const counterexamples = new Map<string, Counterexample>();
  const downtime: DowntimeTally[] = [];
  const cells = points.map((point, pointIndex): SweepCell => {
    const finished = properties.flatMap((id, i) => {
      const cell = results[pointIndex * properties.length + i];
      return cell ? [{ id, cell }] : [];
    });
    const verdicts: Record<string, SweepCell['verdicts'][string]> = {};
    const files: Record<string, { readonly file: string }> = {};
    for (const { id, cell } of finished) {
      verdicts[id] = cell.result.verdict;
      const counterexample = cell.result.counterexample;
      if (counterexample) {
        const file = `${SWEEP_COUNTEREXAMPLE_FOLDER}/${counterexampleFileName({ propertyId: id, variant: pointLabel(point) })}`;
        counterexamples.set(file, counterexample);
        files[id] = { file };
      }
    }
    if (finished.length === properties.length) downtime.push(...finished.flatMap(({ cell }) => cell.downtime));
    return { point: { ...point }, verdicts, ...(Object.keys(files).length > 0 ? { counterexamples: files } : {}) };
  });
  const complete = done === jobs.length;
  const parameters = Object.keys(points[0] ?? {});
  return { summary: { parameters, properties, cells, complete }, downtime, complete, counterexamples };
}
