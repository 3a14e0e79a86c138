/**
 * A campaign: the catalog and the user's own properties (or those a config names), each under
 * its own hypothesis and with each of its variants, on one seed. Tasks run in catalog order,
 * the user's after; a shard takes every n-th task, so several machines can split one campaign
 * and `merge` their summaries. `check --cluster` runs a plan of its own (properties/clusterTasks.ts).
 */
import { CoverageRecorder, type MachineCoverage } from '../model/coverage/coverageRecorder.ts';
import { machinesByKind } from '../model/simulator/fabric.ts';
import type { AnyStateMachine } from 'xstate';
import { catalog } from './catalog/index.ts';
import type { PropertyResult } from './checkProperty.ts';
import runCampaignJob, { type CampaignJob, type CampaignJobOutcome, checkTask, jobPolicies } from './campaignWorker.ts';
import type { CampaignConfig } from './campaignConfig.ts';
import type { PropertyDefinition, PropertyVariant } from './propertyDefinition.ts';
import type { HealingPolicy } from '../model/policy.ts';
import { runJobs } from './workerPool.ts';
import { InputError } from '../model/inputError.ts';
import { didYouMean } from '../model/didYouMean.ts';
import { cachedPropertyModule, propertyModulePath } from './propertyModule.ts';
import { type PropertyOrigin, userProperties } from './userProperties.ts';
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

/**
 * The campaign's tasks, in order: the catalog's properties (or those the config names), then
 * the user's `properties`, each with each of its variants; under a policy, the policy bar and
 * the user's properties, each held to the policy.
 */
export function campaignTasks(config: CampaignConfig, policy: PolicyUnderTest | null = null, properties: readonly PropertyDefinition[] = []): CampaignTask[] {
  const chosen = config.campaign.properties;
  const isChosen = (p: PropertyDefinition) => chosen === undefined || chosen.includes(p.id);
  if (policy !== null) {
    // Under a policy of the user's own: the policy bar, each expected to hold.
    return [...catalog.filter((p) => POLICY_BAR.includes(p.id)), ...properties]
      .filter(isChosen)
      .map((property) => ({ property, variant: { label: `policy ${policy.params.kind}`, policy: { healing: policy.params }, expectation: 'holds' as const } }));
  }
  return [...catalog, ...properties].filter(isChosen).flatMap((property) => [{ property, variant: null }, ...(property.variants ?? []).map((variant) => ({ property, variant }))]);
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
  /** Set when a user's property broke its contract (threw, answered in the wrong shape): the campaign stopped there. */
  readonly propertyFailure?: string;
  /**
   * Set when worker threads were asked for but some tasks ran in the calling thread: those of
   * properties given as objects (functions cannot cross to a worker; a property module can).
   * Each is `id` or `id (variant)`.
   */
  readonly inCallingThread?: readonly string[];
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
  /**
   * Properties of your own, as objects, run after the catalog's (a config may name their ids).
   * They are checked in the calling thread, even with `workers` (functions cannot cross to a
   * worker): the run lists them in `inCallingThread`. For the pool, give `propertyModules`.
   */
  readonly properties?: readonly PropertyDefinition[];
  /**
   * Modules (paths relative to the working directory, or file: URLs) whose default export is a
   * property definition or a list of them: every worker imports them, so their properties run
   * on the pool. They come after the catalog's and before `properties`.
   */
  readonly propertyModules?: readonly (string | URL)[];
  readonly onTaskStart?: (task: CampaignTask, index: number, total: number) => void;
  readonly onTaskDone?: (result: PropertyResult, index: number, total: number) => void;
  /** Asked as the campaign goes: true stops it, and it is then reported incomplete. */
  readonly shouldStop?: () => boolean;
}

export function allMachines(): AnyStateMachine[] {
  return Object.values(machinesByKind) as AnyStateMachine[];
}

/**
 * What a campaign runs: its tasks, and for each where a worker finds it again (its index into
 * the tasks a worker lists from `source`), or null when only this thread holds its property.
 */
export interface CampaignPlan {
  readonly tasks: readonly CampaignTask[];
  readonly workerIndex: readonly (number | null)[];
  readonly source: Pick<CampaignJob, 'config' | 'propertyModules' | 'cluster'>;
}

/**
 * Runs the campaign's tasks, in worker threads when asked (properties/workerPool.ts). Results
 * are filed in task order and coverage is a union, so the summary is the same whatever the
 * worker count. Bad input (a property of the wrong shape, an id given twice or of the
 * catalog's, an id the config names that nobody defines) is an InputError before any run.
 */
export async function runCampaign(config: CampaignConfig, options: CampaignOptions): Promise<CampaignRun> {
  const policy = options.policy ?? null;
  const modules = (options.propertyModules ?? []).map(propertyModulePath);
  const moduleOrigins = await Promise.all(modules.map(cachedPropertyModule));
  const fromModules = userProperties(moduleOrigins);
  const objects: PropertyOrigin = { source: 'properties', candidates: options.properties ?? [], at: (i) => `properties.${i}` };
  if (!Array.isArray(objects.candidates)) throw new InputError('properties', [{ path: 'properties', expected: 'a list of property definitions', received: typeof objects.candidates }]);
  const users = userProperties([...moduleOrigins, objects]);
  checkChosenIds(config, users);
  const all = campaignTasks(config, policy, users);
  // The catalog's and the modules' tasks come first: those a worker can list again.
  const inWorkers = campaignTasks(config, policy, fromModules).length;
  const indexes = shardTaskIndexes(all.length, options.shard);
  return runCampaignPlan(
    { tasks: indexes.map((i) => all[i]!), workerIndex: indexes.map((i) => (i < inWorkers ? i : null)), source: { config, ...(modules.length > 0 ? { propertyModules: modules } : {}) } },
    options,
  );
}

/** Every id a config names is the catalog's or one of the user's, else an error naming it (and what it may have meant). */
function checkChosenIds(config: CampaignConfig, users: readonly PropertyDefinition[]): void {
  const known = [...catalog, ...users].map((p) => p.id);
  const issues = (config.campaign.properties ?? []).flatMap((id, i) =>
    known.includes(id) ? [] : [{ path: `campaign.properties.${i}`, expected: `the id of a catalog property or of one of your properties${didYouMean(id, known)}`, received: JSON.stringify(id) }],
  );
  if (issues.length > 0) throw new InputError('config', issues);
}

/** Runs a planned campaign: the tasks a worker can find on the pool, the others in this thread meanwhile. */
export async function runCampaignPlan(plan: CampaignPlan, options: CampaignOptions): Promise<CampaignRun> {
  const started = performance.now();
  const policy = options.policy ?? null;
  const { tasks } = plan;
  const coverage = new CoverageRecorder(allMachines());
  const results: (PropertyResult | undefined)[] = new Array(tasks.length);
  const inThread = healingPolicies(options.healingPolicies ?? []);
  const asked = options.workers !== undefined;
  const pooled = tasks.flatMap((_, position) => (asked && plan.workerIndex[position] !== null ? [position] : []));
  const here = tasks.flatMap((_, position) => (asked && plan.workerIndex[position] !== null ? [] : [position]));
  const workers = asked ? Math.max(1, Math.min(options.workers!, pooled.length)) : 0;
  if (asked && (inThread.kinds().length > 0 || (policy !== null && policy.module === undefined))) {
    throw new Error('healingPolicies given as objects run in this thread only: drop workers, or give the policy as a module (policy.module)');
  }
  const jobOf = (position: number): CampaignJob => ({
    ...plan.source,
    taskIndex: plan.workerIndex[position] ?? -1,
    seed: options.seed,
    runs: options.runs,
    coverageCap: options.coverageCap,
    policy,
    swarm: options.swarm,
  });
  let done = 0;
  let policyFailure: string | undefined;
  let propertyFailure: string | undefined;
  const finish = (position: number, job: CampaignJobOutcome) => {
    if (job.policyFailure !== undefined) {
      policyFailure ??= job.policyFailure;
      return;
    }
    if (job.propertyFailure !== undefined) {
      propertyFailure ??= job.propertyFailure;
      return;
    }
    results[position] = job.result;
    coverage.absorb(job.coverage);
    options.onTaskDone?.(job.result, done++, tasks.length);
  };
  const shouldStop = () => (options.shouldStop?.() ?? false) || policyFailure !== undefined || propertyFailure !== undefined;
  const policies = here.length > 0 ? await jobPolicies(jobOf(here[0]!), inThread) : inThread;

  await Promise.all([
    runJobs(
      pooled.map(jobOf),
      {
        workers,
        policyModule: policy?.module,
        propertyModules: plan.source.propertyModules,
        runInThread: (job) => runCampaignJob(job, inThread),
        onStart: (i) => options.onTaskStart?.(tasks[pooled[i]!]!, pooled[i]!, tasks.length),
        onDone: (i, job) => finish(pooled[i]!, job),
        shouldStop,
      },
    ),
    // Each check here holds this thread while it runs; between checks the pool is served.
    runJobs(here, {
      workers: 0,
      runInThread: async (position) => checkTask(tasks[position]!, jobOf(position), policies),
      onStart: (i) => options.onTaskStart?.(tasks[here[i]!]!, here[i]!, tasks.length),
      onDone: (i, job) => finish(here[i]!, job),
      shouldStop,
    }),
  ]);
  const finished = results.filter((r): r is PropertyResult => r !== undefined);
  const finishedTasks = tasks.filter((_, i) => results[i] !== undefined);
  const inCallingThread = asked ? here.map((position) => taskLabel(tasks[position]!)) : [];
  return {
    results: finished,
    tasks: finishedTasks,
    coverage: coverage.coverage(),
    complete: finished.length === tasks.length,
    durationMs: Math.round(performance.now() - started),
    ...(policyFailure !== undefined ? { policyFailure } : {}),
    ...(propertyFailure !== undefined ? { propertyFailure } : {}),
    ...(inCallingThread.length > 0 ? { inCallingThread } : {}),
  };
}

export function taskLabel(task: CampaignTask): string {
  return task.variant ? `${task.property.id} (${task.variant.label})` : task.property.id;
}
