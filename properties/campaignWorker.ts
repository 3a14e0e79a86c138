/**
 * One campaign task in a worker thread (or in the campaign's own thread): check one property
 * (or one of its variants) and send back its result with the model coverage its runs reached.
 * A worker has nothing but the job, so the job says where the task's property is found again:
 * the catalog, the user's property modules (imported here), or a cluster directory (read
 * again here, its properties rebuilt). The user's healing policies are known only while the
 * task runs: a policy module is loaded here, policy objects come from the caller's own thread.
 */
import { CoverageRecorder } from '../model/coverage/coverageRecorder.ts';
import { HealingPolicyFailure, type HealingPolicySet, NO_HEALING_POLICIES, withHealingPolicies } from '../model/healingPolicies/registry.ts';
import { type CampaignTask, type PolicyUnderTest, campaignTasks, allMachines } from './campaign.ts';
import { loadPolicyModule } from './policyModule.ts';
import { InputError } from '../model/inputError.ts';
import type { CampaignConfig } from './campaignConfig.ts';
import { type PropertyResult, checkProperty } from './checkProperty.ts';
import { clusterTasksIn } from './clusterTasks.ts';
import { loadPropertyModules } from './propertyModule.ts';
import { PropertyFailure, withPropertyGuard } from './userProperties.ts';

/** A sweep's cell, the pool's other kind of job (piscina runs it by this name). */
export { default as sweepCell } from './sweepCell.ts';

export interface CampaignJob {
  readonly config: CampaignConfig;
  /** Into the tasks of `config` (with `propertyModules`' properties after the catalog's), or of `cluster`. */
  readonly taskIndex: number;
  readonly seed: number;
  readonly runs: number | null;
  readonly coverageCap?: number | undefined;
  readonly policy: PolicyUnderTest | null;
  readonly swarm?: boolean | undefined;
  /** The user's property modules (absolute paths), in the campaign's order. */
  readonly propertyModules?: readonly string[] | undefined;
  /** A cluster directory (`check --cluster`): the tasks are its properties, chosen by `config`. */
  readonly cluster?: string | undefined;
}

/** What a job of the catalog's properties returns (no property of the user's can fail). */
export type CampaignJobResult =
  | { readonly result: PropertyResult; readonly coverage: ReturnType<CoverageRecorder['raw']>; readonly policyFailure?: undefined; readonly propertyFailure?: undefined }
  /** A user's policy broke its contract: what it did, as text (an error's class does not survive the thread boundary). */
  | { readonly policyFailure: string; readonly propertyFailure?: undefined };

/** What any job returns: also, a user's property broke its contract (threw, answered in the wrong shape). */
export type CampaignJobOutcome = CampaignJobResult | { readonly propertyFailure: string; readonly policyFailure?: undefined };

/** The tasks a job indexes into, found again from what the job carries. */
async function tasksOf(job: CampaignJob): Promise<CampaignTask[]> {
  if (job.cluster !== undefined) return clusterTasksIn(job.cluster, job.config.campaign.properties);
  return campaignTasks(job.config, job.policy, await loadPropertyModules(job.propertyModules ?? []));
}

/** Found again, or why not: the campaign's thread read the same modules, so a failure here is theirs (changed meanwhile, or not loadable in a worker). */
async function taskOf(job: CampaignJob): Promise<CampaignTask | string> {
  let tasks: CampaignTask[];
  try {
    tasks = await tasksOf(job);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return `in a worker thread, ${error.message}`;
  }
  return tasks[job.taskIndex] ?? `in a worker thread, no campaign task ${job.taskIndex} (${tasks.length} found)`;
}

/** The policies a task of this job runs with: the caller's, and the job's policy module. */
export async function jobPolicies(job: CampaignJob, inThread: HealingPolicySet = NO_HEALING_POLICIES): Promise<HealingPolicySet> {
  return job.policy?.module !== undefined ? inThread.with((await loadPolicyModule(job.policy.module)).policies) : inThread;
}

export default async function runCampaignJob(job: CampaignJob, inThread: HealingPolicySet = NO_HEALING_POLICIES): Promise<CampaignJobOutcome> {
  const policies = await jobPolicies(job, inThread);
  const task = await taskOf(job);
  return typeof task === 'string' ? { propertyFailure: task } : checkTask(task, job, policies);
}

/** Checks one task (found by the job, or given by a caller whose property cannot cross threads). */
export function checkTask(task: CampaignTask, job: CampaignJob, policies: HealingPolicySet): CampaignJobOutcome {
  const coverage = new CoverageRecorder(allMachines());
  const checking = `checking ${task.property.id}${task.variant ? `, ${task.variant.label}` : ''}`;
  try {
    const result = withPropertyGuard(task.property, () =>
      withHealingPolicies(policies, () =>
        checkProperty(task.property, {
          seed: job.seed,
          ...(job.runs !== null ? { runs: job.runs } : {}),
          ...(task.variant ? { variant: task.variant } : {}),
          ...(job.swarm !== undefined ? { swarm: job.swarm } : {}),
          ...(job.coverageCap !== undefined ? { coverageCap: job.coverageCap } : {}),
          coverage,
        }),
      ),
    );
    return { result, coverage: coverage.raw() };
  } catch (error) {
    if (error instanceof HealingPolicyFailure) return { policyFailure: `${error.message} (${checking})` };
    if (error instanceof PropertyFailure) return { propertyFailure: `${error.message} (${checking})` };
    throw error;
  }
}
