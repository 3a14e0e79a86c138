/**
 * `check --cluster DIR`: the cluster's properties, each checked by the catalog's machinery
 * (checkProperty: generation, must-see counting, shrinking, counterexamples) on the cluster's
 * fabric, in this thread (the properties hold the cluster, which worker threads would have to
 * read again), then summarised as any campaign is.
 */
import { CoverageRecorder } from '../model/coverage/coverageRecorder.ts';
import { allMachines, type CampaignRun } from '../properties/campaign.ts';
import { checkProperty, type PropertyResult } from '../properties/checkProperty.ts';
import type { CampaignTask } from '../properties/campaign.ts';
import type { ClusterModel } from './clusterModel.ts';
import { CLUSTER_VARIANT, clusterProperties } from './clusterProperties.ts';

export interface ClusterCampaignOptions {
  readonly seed: number;
  readonly runs: number | null;
  /** Only these property ids (all when empty or absent). */
  readonly properties?: readonly string[];
  readonly swarm: boolean;
  readonly onTaskStart?: (task: CampaignTask, index: number, total: number) => void;
  readonly onTaskDone?: (result: PropertyResult, index: number, total: number) => void;
  readonly shouldStop?: () => boolean;
}

export async function runClusterCampaign(cluster: ClusterModel, options: ClusterCampaignOptions): Promise<CampaignRun> {
  const started = performance.now();
  const chosen = options.properties?.length ? options.properties : null;
  const tasks: CampaignTask[] = clusterProperties(cluster)
    .filter((p) => chosen === null || chosen.includes(p.id))
    .map((property) => ({ property, variant: CLUSTER_VARIANT }));
  const coverage = new CoverageRecorder(allMachines());
  const results: PropertyResult[] = [];
  for (const [i, task] of tasks.entries()) {
    // Yield between checks, so a Ctrl-C is heard.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.shouldStop?.()) break;
    options.onTaskStart?.(task, i, tasks.length);
    const result = checkProperty(task.property, { seed: options.seed, variant: task.variant!, coverage, swarm: options.swarm, ...(options.runs === null ? {} : { runs: options.runs }) });
    results.push(result);
    options.onTaskDone?.(result, i, tasks.length);
  }
  return { results, tasks: tasks.slice(0, results.length), coverage: coverage.coverage(), complete: results.length === tasks.length, durationMs: Math.round(performance.now() - started) };
}
