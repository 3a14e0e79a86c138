/**
 * A campaign: the catalog (or the properties a config names), each under its own hypothesis
 * and with each of its variants, on one seed. Tasks run in catalog order; a shard takes every
 * n-th task, so several machines can split one campaign and `merge` their summaries.
 */
import { CoverageRecorder, type MachineCoverage } from '../model/coverage/coverageRecorder.ts';
import { machinesByKind } from '../model/simulator/fabric.ts';
import type { AnyStateMachine } from 'xstate';
import { catalog } from './catalog/index.ts';
import { type PropertyResult, checkProperty } from './checkProperty.ts';
import type { CampaignConfig } from './campaignConfig.ts';
import type { PropertyDefinition, PropertyVariant } from './propertyDefinition.ts';

export interface CampaignTask {
  readonly property: PropertyDefinition;
  readonly variant: PropertyVariant | null;
}

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export function campaignTasks(config: CampaignConfig, shard: Shard | null = null): CampaignTask[] {
  const chosen = config.campaign.properties;
  const tasks = catalog
    .filter((p) => chosen === undefined || chosen.includes(p.id))
    .flatMap((property) => [{ property, variant: null }, ...(property.variants ?? []).map((variant) => ({ property, variant }))]);
  return shard === null ? tasks : tasks.filter((_, i) => i % shard.count === shard.index - 1);
}

export interface CampaignRun {
  readonly results: readonly PropertyResult[];
  readonly tasks: readonly CampaignTask[];
  readonly coverage: readonly MachineCoverage[];
  readonly complete: boolean;
  readonly durationMs: number;
}

export interface CampaignOptions {
  readonly seed: number;
  /** Runs per property; null: each property's own default. */
  readonly runs: number | null;
  readonly shard: Shard | null;
  readonly onTaskStart?: (task: CampaignTask, index: number, total: number) => void;
  readonly onTaskDone?: (result: PropertyResult, index: number, total: number) => void;
  /** Asked between tasks: true stops the campaign, which is then reported incomplete. */
  readonly shouldStop?: () => boolean;
}

export function allMachines(): AnyStateMachine[] {
  return Object.values(machinesByKind) as AnyStateMachine[];
}

export async function runCampaign(config: CampaignConfig, options: CampaignOptions): Promise<CampaignRun> {
  const started = performance.now();
  const tasks = campaignTasks(config, options.shard);
  const coverage = new CoverageRecorder(allMachines());
  const results: PropertyResult[] = [];
  let complete = true;
  for (const [index, task] of tasks.entries()) {
    // Yield to the event loop between checks, so a Ctrl-C is heard.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.shouldStop?.()) {
      complete = false;
      break;
    }
    options.onTaskStart?.(task, index, tasks.length);
    const result = checkProperty(task.property, {
      seed: options.seed,
      ...(options.runs !== null ? { runs: options.runs } : {}),
      ...(task.variant ? { variant: task.variant } : {}),
      coverage,
    });
    results.push(result);
    options.onTaskDone?.(result, index, tasks.length);
  }
  return { results, tasks, coverage: coverage.coverage(), complete, durationMs: Math.round(performance.now() - started) };
}
