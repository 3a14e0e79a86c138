/**
 * A campaign with its regression database: replay the stored counterexamples of the tasks it
 * runs, then run the tasks (a task whose runs find nothing still fails on a stored
 * counterexample that does), then store every counterexample the runs found.
 */
import { propertyById } from '../catalog/index.ts';
import { relative } from 'node:path';
import type { RegressionSummary } from '../../reports/summary.ts';
import { type CampaignOptions, type CampaignRun, type CampaignTask, campaignTasks, runCampaign, shardTaskIndexes } from '../campaign.ts';
import type { CampaignConfig } from '../campaignConfig.ts';
import type { PropertyResult } from '../checkProperty.ts';
import { readRegressions, storeRegression } from './regressionDatabase.ts';
import { type RegressionReplay, replayRegressions, withStoredFailure } from './replayRegressions.ts';

export interface RegressionCampaignRun extends CampaignRun {
  readonly regressions: RegressionSummary;
}

export interface RegressionOptions {
  /** The database folder. */
  readonly folder: string;
  /** Told once the stored counterexamples are replayed, before any run. */
  readonly onReplayed?: (replay: RegressionReplay) => void;
}

/** The tasks runCampaign will run, in its order. */
function tasksOf(config: CampaignConfig, options: CampaignOptions): CampaignTask[] {
  const all = campaignTasks(config, options.policy ?? null);
  return shardTaskIndexes(all.length, options.shard).map((i) => all[i]!);
}

/**
 * The catalog's own properties and variants are stored; ad-hoc ones (a policy under test, a
 * user's own property) are not: the database replays them later without the module they came from.
 */
function isCatalogTask(task: CampaignTask): boolean {
  if (propertyById(task.property.id) !== task.property) return false;
  return task.variant === null || (task.property.variants ?? []).includes(task.variant);
}

export async function runCampaignWithRegressions(config: CampaignConfig, options: CampaignOptions, regressions: RegressionOptions): Promise<RegressionCampaignRun> {
  const replay = replayRegressions(readRegressions(regressions.folder), tasksOf(config, options));
  regressions.onReplayed?.(replay);
  const run = await runCampaign(config, {
    ...options,
    onTaskDone: (result, index, total) => options.onTaskDone?.(withStoredFailure(result, replay), index, total),
  });
  const results = run.results.map((result) => withStoredFailure(result, replay));
  const found = results.flatMap((result: PropertyResult, i) => (result.counterexample && !result.regression && isCatalogTask(run.tasks[i]!) ? [result.counterexample] : []));
  const stored = [...new Set(found.map((counterexample) => storeRegression(regressions.folder, counterexample)))];
  return { ...run, results, regressions: regressionSummary(regressions.folder, replay, stored) };
}

/** Files are named relative to the database folder, so the summary does not depend on where it lives. */
export function regressionSummary(folder: string, replay: RegressionReplay, stored: readonly string[]): RegressionSummary {
  const inFolder = (file: string) => relative(folder, file);
  return {
    folder,
    replayed: replay.replayed.length,
    stillFailing: replay.replayed.filter((r) => r.violation !== null).length,
    entries: replay.replayed.map((r) => ({ file: inFolder(r.file), property: r.propertyId, variant: r.variant, stillFails: r.violation !== null, violation: r.violation })),
    skipped: replay.skipped.map((s) => ({ ...s, file: inFolder(s.file) })),
    stored: stored.map(inFolder),
  };
}
