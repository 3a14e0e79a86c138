/**
 * `fabric-verify check --cluster DIR`: the catalog asked of one cluster read from its
 * manifests; the same table, exit codes and reports as a campaign, plus what was read.
 */
import { InputError } from '../model/inputError.ts';
import { readCluster } from '../kubernetes/clusterModel.ts';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { runCampaignPlan } from '../properties/campaign.ts';
import { clusterTasks } from '../properties/clusterTasks.ts';
import { clusterNotices, clusterSummary, clusterText } from '../kubernetes/clusterSummary.ts';
import { DEFAULT_SEED, chooseSwarm } from '../properties/seeds.ts';
import { campaignTable } from '../reports/campaignTable.ts';
import { summarize } from '../reports/summarize.ts';
import { writeCampaignReports } from '../reports/writeCampaignReports.ts';
import type { CheckOptions, CheckOutcome } from './checkCommand.ts';
import { EXIT_INTERRUPTED, EXIT_OK, EXIT_VERDICT_MISMATCH } from './exitCodes.ts';
import { knownPropertyIds } from './options.ts';
import { progressReporter } from './progress.ts';

export async function clusterCheckCommand(options: CheckOptions & { readonly cluster: string }, interrupted: () => boolean): Promise<CheckOutcome> {
  const clashing = (['config', 'shard', 'policy', 'properties'] as const).filter((o) => options[o] !== undefined);
  if (clashing.length > 0) throw new InputError('--cluster', [{ path: `--${clashing[0]}`, expected: 'no --config, --shard, --policy or --properties with --cluster (the cluster directory says what to check)', received: `--${clashing.join(', --')}` }]);
  const cluster = readCluster(options.cluster);
  for (const line of clusterNotices(cluster)) process.stderr.write(`${line}\n`);
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? null;
  const swarm = options.swarm ?? chooseSwarm();
  const chosen = options.property?.length ? [...options.property] : undefined;
  // pdb-respected is the cluster's own (when it has budgets): the ids are this cluster's, not only the catalog's.
  if (chosen) knownPropertyIds(chosen, clusterTasks(cluster, undefined).map((t) => t.property.id), 'a property checked on this cluster');
  const tasks = clusterTasks(cluster, chosen);
  const progress = progressReporter();
  // Each worker reads the directory again and rebuilds the same properties (properties/clusterTasks.ts).
  const run = await runCampaignPlan(
    { tasks, workerIndex: tasks.map((_, i) => i), source: { config: { name: `cluster ${cluster.name}`, campaign: chosen ? { properties: chosen } : {} }, cluster: resolve(options.cluster) } },
    {
      seed,
      runs,
      shard: null,
      swarm,
      ...(options.coverageCap !== undefined ? { coverageCap: options.coverageCap } : {}),
      workers: options.workers ?? availableParallelism(),
      onTaskStart: (task, i, n) => progress.start(task, i, n),
      onTaskDone: (result, i, n) => progress.done(result, i, n),
      shouldStop: interrupted,
    },
  );
  progress.stop();
  const summary = { ...summarize(run, { name: `cluster ${cluster.name}`, seed, runs, shard: null, codeCoverage: null, swarm }), cluster: clusterSummary(cluster) };
  writeCampaignReports(options.out, summary, run.results.flatMap((r) => (r.counterexample ? [r.counterexample] : [])));
  const exitCode = !summary.complete ? EXIT_INTERRUPTED : summary.properties.every((p) => p.matches) ? EXIT_OK : EXIT_VERDICT_MISMATCH;
  const output = options.json ? JSON.stringify(summary, null, 2) : `${clusterText(cluster)}\n\n${campaignTable(summary)}\nReports written to ${options.out}/ (index.html, summary.json, summary.md).`;
  return { summary, output, exitCode };
}
