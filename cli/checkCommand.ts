/**
 * `fabric-verify check`: replay the regression database, run the catalog as a campaign, store
 * what it found and write the reports.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_CONFIG, readCampaignConfig, type CampaignConfig } from '../properties/campaignConfig.ts';
import type { Shard } from '../properties/campaign.ts';
import { DEFAULT_REGRESSIONS } from '../properties/regressions/regressionDatabase.ts';
import { regressionSummary, runCampaignWithRegressions } from '../properties/regressions/regressionCampaign.ts';
import type { RegressionReplay } from '../properties/regressions/replayRegressions.ts';
import { DEFAULT_SEED, chooseSwarm } from '../properties/seeds.ts';
import { campaignTable, replaySentence } from '../reports/campaignTable.ts';
import { colorsFor } from '../reports/terminalColors.ts';
import type { CampaignSummary } from '../reports/summary.ts';
import { summarize } from '../reports/summarize.ts';
import { writeCampaignReports } from '../reports/writeCampaignReports.ts';
import { EXIT_INTERRUPTED, EXIT_OK, EXIT_VERDICT_MISMATCH } from './exitCodes.ts';
import { progressReporter } from './progress.ts';
import { writeCiOutputs } from './ciOutputs.ts';
import { loadPolicyModule } from '../properties/policyModule.ts';
import { loadPropertyModules } from '../properties/propertyModule.ts';
import { catalog } from '../properties/catalog/index.ts';
import { withHealingPolicies } from '../model/healingPolicies/registry.ts';
import { InputError } from '../model/inputError.ts';
import { clusterCheckCommand } from './clusterCheckCommand.ts';
import { coverageCapAtLeastRuns, knownPropertyIds } from './options.ts';

export interface CheckOptions {
  readonly config?: string;
  readonly property?: readonly string[];
  readonly runs?: number;
  readonly seed?: number;
  readonly coverageCap?: number;
  readonly out: string;
  readonly json?: boolean;
  readonly shard?: Shard;
  readonly workers?: number;
  /** A module exporting a healing policy of the user's own. */
  readonly policy?: string;
  /** A module exporting properties of the user's own (a definition or a list), checked with the catalog's. */
  readonly properties?: string;
  /** `--swarm` / `--no-swarm`; default: FV_SWARM, else DEFAULT_SWARM. */
  readonly swarm?: boolean;
  readonly junit?: string;
  readonly sarif?: string;
  /** A directory of Kubernetes manifests: check the catalog on that cluster (cli/clusterCheckCommand.ts). */
  readonly cluster?: string;
}

export interface CheckOutcome {
  readonly summary: CampaignSummary;
  readonly output: string;
  readonly exitCode: number;
}

export function effectiveConfig(options: CheckOptions): CampaignConfig {
  const config = options.config ? readCampaignConfig(options.config) : DEFAULT_CONFIG;
  return options.property?.length ? { ...config, campaign: { ...config.campaign, properties: [...options.property] } } : config;
}

export async function checkCommand(options: CheckOptions, interrupted: () => boolean = () => false): Promise<CheckOutcome> {
  if (options.cluster !== undefined) {
    const outcome = await clusterCheckCommand({ ...options, cluster: options.cluster }, interrupted);
    writeCiOutputs(outcome.summary, options.out, options);
    return outcome;
  }
  const own = options.properties === undefined ? [] : await loadPropertyModules([options.properties]);
  const known = [...catalog.map((p) => p.id), ...own.map((p) => p.id)];
  if (options.property?.length) knownPropertyIds(options.property, known, own.length > 0 ? `a catalog property id or one of ${options.properties}'s` : 'a catalog property id');
  const config = effectiveConfig(options);
  const seed = options.seed ?? config.campaign.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? config.campaign.runs ?? null;
  coverageCapAtLeastRuns(options.coverageCap, runs);
  const shard = options.shard ?? null;
  const loaded = options.policy ? await loadPolicyModule(options.policy) : null;
  const swarm = options.swarm ?? chooseSwarm();
  // The config's folder; else FV_REGRESSIONS (a test or an experiment with a database of its own); else the default.
  const folder = config.regressions ?? (process.env['FV_REGRESSIONS'] || DEFAULT_REGRESSIONS);
  // The stored counterexamples are replayed before any run; told at once, on stderr like the progress.
  const regressions = { folder, onReplayed: (replay: RegressionReplay) => process.stderr.write(`fabric-verify: ${replaySentence(regressionSummary(folder, replay, []))} (${folder})\n`) };
  const progress = progressReporter();
  const run = await runCampaignWithRegressions(
    config,
    {
      seed,
      runs,
      ...(options.coverageCap !== undefined ? { coverageCap: options.coverageCap } : {}),
      shard,
      workers: options.workers ?? availableParallelism(),
      policy: loaded ? { module: loaded.module, params: loaded.params } : null,
      ...(options.properties !== undefined ? { propertyModules: [options.properties] } : {}),
      onTaskStart: (task, i, n) => progress.start(task, i, n),
      onTaskDone: (result, i, n) => progress.done(result, i, n),
      shouldStop: interrupted,
      swarm,
    },
    regressions,
  );
  progress.stop();
  // Summaries and reports simulate the counterexamples again: the user's policy must be known there too.
  const summary = withHealingPolicies(loaded?.policies, () => {
    const summary = summarize(run, { name: config.name, seed, runs, shard, codeCoverage: null, swarm, regressions: run.regressions });
    writeCampaignReports(options.out, summary, run.results.flatMap((r) => (r.counterexample ? [r.counterexample] : [])));
    return summary;
  });
  writeCiOutputs(summary, options.out, options);
  // A policy that broke its contract is bad input: what finished is written (marked incomplete), then the error.
  if (run.policyFailure !== undefined) throw new InputError(options.policy!, [{ path: 'default', expected: `a healing policy that keeps its contract (the campaign stopped; what finished is in ${options.out}/, marked incomplete)`, received: run.policyFailure }]);
  const exitCode = !summary.complete ? EXIT_INTERRUPTED : summary.properties.every((p) => p.matches) ? EXIT_OK : EXIT_VERDICT_MISMATCH;
  const output = options.json ? JSON.stringify(summary, null, 2) : `${campaignTable(summary, colorsFor(process.stdout))}\nReports written to ${options.out}/ (index.html, summary.json, summary.md).`;
  return { summary, output, exitCode };
}
