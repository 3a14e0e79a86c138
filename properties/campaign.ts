/**
 * A campaign: the catalog (or the properties a config names), each under its own hypothesis
 * and with each of its variants, on one seed. Tasks run in catalog order; a shard takes every
 * n-th task, so several machines can split one campaign and `merge` their summaries.
 */
import { CoverageRecorder, type MachineCoverage } from '../model/coverage/coverageRecorder.ts';
import { machinesByKind } from '../model/simulator/fabric.ts';
import type { AnyStateMachine } from 'xstate';
import { catalog } from './catalog/index.ts';
import type { PropertyResult } from './checkProperty.ts';
import runCampaignJob, { type CampaignJob, type CampaignJobResult } from './campaignWorker.ts';
import type { CampaignConfig } from './campaignConfig.ts';
import type { PropertyDefinition, PropertyVariant } from './propertyDefinition.ts';
import type { HealingPolicy } from '../model/policy.ts';
import { runJobs } from './workerPool.ts';
import { type AnyUserHealingPolicy, type HealingPolicySet, healingPolicies } from '../model/healingPolicies/registry.ts';

export interface CampaignTask {
  readonly property: PropertyDefinition;
  readonly variant: PropertyVariant | null;
}

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** The properties a healing policy is held to: fast recovery, a draining backlog, bounded churn, standing still when cut off, finishing. */
export const POLICY_BAR = ['parallel-recovery-bounded', 'backlog-drains-after-trigger', 'false-positive-churn-bounded', 'all-suspect-stops-healing', 'recovery-eventually-completes'];

/**
 * A healing policy under test (`check --policy`): its parameters, and its module (workers load
 * it too); without a module, its definition is among the campaign's `healingPolicies`, so it
 * runs in this thread only.
 */
export interface PolicyUnderTest {
  readonly module?: string;
  readonly params: HealingPolicy;
}

export function campaignTasks(config: CampaignConfig, policy: PolicyUnderTest | null = null): CampaignTask[] {
  const chosen = config.campaign.properties;
  if (policy !== null) {
    // Under a policy of the user's own: the policy bar, each expected to hold.
    return catalog
      .filter((p) => POLICY_BAR.includes(p.id) && (chosen === undefined || chosen.includes(p.id)))
      .map((property) => ({ property, variant: { label: `policy ${policy.params.kind}`, policy: { healing: policy.params }, expectation: 'holds' as const } }));
  }
  return catalog
    .filter((p) => chosen === undefined || chosen.includes(p.id))
    .flatMap((property) => [{ property, variant: null }, ...(property.variants ?? []).map((variant) => ({ property, variant }))]);
}

/** Indexes (into `campaignTasks`) of the tasks a shard runs: every n-th, from the i-th. */
export function shardTaskIndexes(taskCount: number, shard: Shard | null): number[] {
  const all = Array.from({ length: taskCount }, (_, i) => i);
  return shard === null ? all : all.filter((i) => i % shard.count === shard.index - 1);
}

export interface CampaignRun {
  readonly results: readonly PropertyResult[];
  readonly tasks: readonly CampaignTask[];
  readonly coverage: readonly MachineCoverage[];
  readonly complete: boolean;
  readonly durationMs: number;
  /** Set when a user's healing policy broke its contract (threw, answered in the wrong shape): the campaign stopped there. */
  readonly policyFailure?: string;
}

export interface CampaignOptions {
  readonly seed: number;
  /** Runs per property; null: each property's own default. */
  readonly runs: number | null;
  /** The most runs a clean `holds` draws while its must-see situations are undecided (default DEFAULT_COVERAGE_CAP). */
  readonly coverageCap?: number;
  readonly shard: Shard | null;
  /** Check the policy bar under this policy instead of the catalog (already loaded in this thread). */
  readonly policy?: PolicyUnderTest | null;
  /** Swarm fault schedules; default: FV_SWARM, else DEFAULT_SWARM (see properties/seeds.ts). */
  readonly swarm?: boolean;
  /** Worker threads; without it every check runs in this thread (for tests and libraries). */
  readonly workers?: number;
  /**
   * Healing policies of the user's own, as objects, known to every check (in this thread only:
   * functions cannot cross to a worker, so with `workers` give a policy module as `policy`).
   */
  readonly healingPolicies?: readonly AnyUserHealingPolicy[] | HealingPolicySet;
  readonly onTaskStart?: (task: CampaignTask, index: number, total: number) => void;
  readonly onTaskDone?: (result: PropertyResult, index: number, total: number) => void;
  /** Asked as the campaign goes: true stops it, and it is then reported incomplete. */
  readonly shouldStop?: () => boolean;
}

export function allMachines(): AnyStateMachine[] {
  return Object.values(machinesByKind) as AnyStateMachine[];
}

/**
 * Runs the campaign's tasks, in worker threads when asked (properties/workerPool.ts). Results
 * are filed in task order and coverage is a union, so the summary is the same whatever the
 * worker count.
 */
export async function runCampaign(config: CampaignConfig, options: CampaignOptions): Promise<CampaignRun> {
  const started = performance.now();
  const policy = options.policy ?? null;
  const all = campaignTasks(config, policy);
  const indexes = shardTaskIndexes(all.length, options.shard);
  const tasks = indexes.map((i) => all[i]!);
  const coverage = new CoverageRecorder(allMachines());
  const results: (PropertyResult | undefined)[] = new Array(tasks.length);
  const workers = options.workers === undefined ? 0 : Math.max(1, Math.min(options.workers, tasks.length));
  const inThread = healingPolicies(options.healingPolicies ?? []);
  if (workers > 0 && (inThread.kinds().length > 0 || (policy !== null && policy.module === undefined))) {
    throw new Error('healingPolicies given as objects run in this thread only: drop workers, or give the policy as a module (policy.module)');
  }
  let done = 0;
  let policyFailure: string | undefined;
  const finish = (position: number, job: CampaignJobResult) => {
    if (job.policyFailure !== undefined) {
      policyFailure ??= job.policyFailure;
      return;
    }
    results[position] = job.result;
    coverage.absorb(job.coverage);
    options.onTaskDone?.(job.result, done++, tasks.length);
  };

  await runJobs(
    indexes.map((taskIndex): CampaignJob => ({ config, taskIndex, seed: options.seed, runs: options.runs, coverageCap: options.coverageCap, policy, swarm: options.swarm })),
    {
      workers,
      policyModule: policy?.module,
      runInThread: (job) => runCampaignJob(job, inThread),
      onStart: (position) => options.onTaskStart?.(tasks[position]!, position, tasks.length),
      onDone: finish,
      shouldStop: () => (options.shouldStop?.() ?? false) || policyFailure !== undefined,
    },
  );
  const finished = results.filter((r): r is PropertyResult => r !== undefined);
  const finishedTasks = tasks.filter((_, i) => results[i] !== undefined);
  return { results: finished, tasks: finishedTasks, coverage: coverage.coverage(), complete: finished.length === tasks.length, durationMs: Math.round(performance.now() - started), ...(policyFailure !== undefined ? { policyFailure } : {}) };
}
