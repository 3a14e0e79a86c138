/**
 * One campaign task in a worker thread (or in the campaign's own thread): check one property
 * (or one of its variants) and send back its result with the model coverage its runs reached.
 * The user's healing policies are known only while the task runs: a policy module is loaded
 * here (a worker has nothing else), policy objects come from the caller's own thread.
 */
import { CoverageRecorder } from '../model/coverage/coverageRecorder.ts';
import { HealingPolicyFailure, type HealingPolicySet, NO_HEALING_POLICIES, withHealingPolicies } from '../model/healingPolicies/registry.ts';
import { type PolicyUnderTest, campaignTasks, allMachines } from './campaign.ts';
import { loadPolicyModule } from './policyModule.ts';
import type { CampaignConfig } from './campaignConfig.ts';
import { type PropertyResult, checkProperty } from './checkProperty.ts';

/** A sweep's cell, the pool's other kind of job (piscina runs it by this name). */
export { default as sweepCell } from './sweepCell.ts';

export interface CampaignJob {
  readonly config: CampaignConfig;
  readonly taskIndex: number;
  readonly seed: number;
  readonly runs: number | null;
  readonly coverageCap?: number | undefined;
  readonly policy: PolicyUnderTest | null;
  readonly swarm?: boolean;
}

export type CampaignJobResult =
  | { readonly result: PropertyResult; readonly coverage: ReturnType<CoverageRecorder['raw']>; readonly policyFailure?: undefined }
  /** A user's policy broke its contract: what it did, as text (an error's class does not survive the thread boundary). */
  | { readonly policyFailure: string };

export default async function runCampaignJob(job: CampaignJob, inThread: HealingPolicySet = NO_HEALING_POLICIES): Promise<CampaignJobResult> {
  const policies = job.policy?.module !== undefined ? inThread.with((await loadPolicyModule(job.policy.module)).policies) : inThread;
  const task = campaignTasks(job.config, job.policy)[job.taskIndex];
  if (!task) throw new Error(`no campaign task ${job.taskIndex}`);
  const coverage = new CoverageRecorder(allMachines());
  try {
    const result = withHealingPolicies(policies, () =>
      checkProperty(task.property, {
        seed: job.seed,
        ...(job.runs !== null ? { runs: job.runs } : {}),
        ...(task.variant ? { variant: task.variant } : {}),
        ...(job.swarm !== undefined ? { swarm: job.swarm } : {}),
        ...(job.coverageCap !== undefined ? { coverageCap: job.coverageCap } : {}),
        coverage,
      }),
    );
    return { result, coverage: coverage.raw() };
  } catch (error) {
    if (error instanceof HealingPolicyFailure) return { policyFailure: `${error.message} (checking ${task.property.id}${task.variant ? `, ${task.variant.label}` : ''})` };
    throw error;
  }
}
