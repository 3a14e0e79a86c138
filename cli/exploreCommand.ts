/**
 * `fabric-verify explore --config FILE`: check the catalog exhaustively on a small fabric —
 * every fault schedule of the config's bound — and write the reports (summary.json with
 * `method: "exhaustive"`, the shortest counterexamples, index.html).
 */
import { InvalidArgumentError } from 'commander';
import { agreementOf } from '../explore/agreement/agreement.ts';
import { MAX_CHOICE_POINTS, MAX_FAULTS } from '../explore/exploreConfig.ts';
import { exploreCampaignSummary } from '../explore/exploreSummary.ts';
import { exploreText } from '../explore/exploreText.ts';
import { planExploration } from '../explore/planExploration.ts';
import { readExploreConfig } from '../explore/readExploreConfig.ts';
import { runExploration } from '../explore/runExploration.ts';
import { DEFAULT_SEED } from '../properties/seeds.ts';
import type { CampaignSummary } from '../reports/summary.ts';
import { writeCampaignReports } from '../reports/writeCampaignReports.ts';
import { EXIT_INTERRUPTED, EXIT_OK, EXIT_VERDICT_MISMATCH } from './exitCodes.ts';
import { writeCiOutputs } from './ciOutputs.ts';
import { type ProgressBar, progressBar } from './progress.ts';

export interface ExploreOptions {
  readonly config: string;
  /** K, T, G: override the config's bound. */
  readonly faults?: number;
  readonly horizon?: number;
  readonly granularity?: number;
  readonly property?: readonly string[];
  readonly out: string;
  readonly json?: boolean;
  readonly symmetry?: boolean;
  /** Also run random testing of the same spaces and compare. */
  readonly agreement?: boolean;
  readonly runs?: number;
  readonly seed?: number;
  readonly maxStates?: number;
  readonly junit?: string;
  readonly sarif?: string;
}

export interface ExploreOutcome {
  readonly summary: CampaignSummary;
  readonly output: string;
  readonly exitCode: number;
}

export const DEFAULT_AGREEMENT_RUNS = 200;

export function exploreCommand(options: ExploreOptions, interrupted: () => boolean = () => false): ExploreOutcome {
  const config = readExploreConfig(options.config);
  const section = config.explore;
  const horizonS = options.horizon ?? section.horizonS;
  const granularityS = options.granularity ?? section.granularityS;
  if (options.faults !== undefined && options.faults > MAX_FAULTS) throw new InvalidArgumentError(`--faults: expected at most ${MAX_FAULTS} faults, found ${options.faults}`);
  if (Math.floor(horizonS / granularityS) + 1 > MAX_CHOICE_POINTS) {
    throw new InvalidArgumentError(`--horizon/--granularity: expected at most ${MAX_CHOICE_POINTS} choice points (horizon ÷ granularity + 1), found ${Math.floor(horizonS / granularityS) + 1}`);
  }
  const plan = planExploration(section, config.name, {
    ...(options.faults === undefined ? {} : { maxFaults: options.faults }),
    horizonS,
    granularityS,
    ...(options.property?.length ? { properties: options.property } : {}),
  });
  const progress: { bar: ProgressBar | null } = { bar: null };
  const run = runExploration(plan, {
    symmetry: options.symmetry ?? section.symmetry,
    shouldStop: interrupted,
    ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }),
    // The one progress style: counted as each search completes.
    onSearched: (searched, _i, n) => (progress.bar ??= progressBar(n, { unit: 'searches' })).tick(searched.space.label, `explore: ${searched.space.label}`),
  });
  progress.bar?.stop();
  const agreement = options.agreement
    ? run.verdicts.map((v) => agreementOf(v, { runs: options.runs ?? DEFAULT_AGREEMENT_RUNS, seed: options.seed ?? DEFAULT_SEED }))
    : null;
  const summary = exploreCampaignSummary(config.name, run, agreement);
  const counterexamples = run.verdicts.flatMap((v) => (v.counterexample ? [v.counterexample.counterexample] : []));
  writeCampaignReports(options.out, summary, counterexamples);
  writeCiOutputs(summary, options.out, options);
  const stopped = interrupted();
  const exitCode = stopped
    ? EXIT_INTERRUPTED
    : summary.properties.every((p) => p.matches) && run.complete && (agreement ?? []).every((a) => a.consistent)
      ? EXIT_OK
      : EXIT_VERDICT_MISMATCH;
  const output = options.json ? JSON.stringify(summary, null, 2) : exploreText(summary, counterexamples, options.out);
  return { summary, output, exitCode };
}
