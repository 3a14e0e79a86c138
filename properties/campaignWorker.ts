/**
 * One campaign task in a worker thread: check one property (or one of its variants) and send
 * back its result with the model coverage its runs reached.
 */
import { CoverageRecorder } from '../model/coverage/coverageRecorder.ts';
import { type PolicyUnderTest, campaignTasks, allMachines } from './campaign.ts';
import { loadPolicyModule } from './policyModule.ts';
import type { CampaignConfig } from './campaignConfig.ts';
import { type PropertyResult, checkProperty } from './checkProperty.ts';

export interface CampaignJob {
  readonly config: CampaignConfig;
  readonly taskIndex: number;
  readonly seed: number;
  readonly runs: number | null;
  readonly coverageCap?: number | undefined;
  readonly policy: PolicyUnderTest | null;
  readonly swarm?: boolean;
}

export interface CampaignJobResult {
  readonly result: PropertyResult;
  readonly coverage: ReturnType<CoverageRecorder['raw']>;
}

export default async function runCampaignJob(job: CampaignJob): Promise<CampaignJobResult> {
  if (job.policy) await loadPolicyModule(job.policy.module);
  const task = campaignTasks(job.config, job.policy)[job.taskIndex];
  if (!task) throw new Error(`no campaign task ${job.taskIndex}`);
  const coverage = new CoverageRecorder(allMachines());
  const result = checkProperty(task.property, {
    seed: job.seed,
    ...(job.runs !== null ? { runs: job.runs } : {}),
    ...(task.variant ? { variant: task.variant } : {}),
    ...(job.swarm !== undefined ? { swarm: job.swarm } : {}),
    ...(job.coverageCap !== undefined ? { coverageCap: job.coverageCap } : {}),
    coverage,
  });
  return { result, coverage: coverage.raw() };
}
