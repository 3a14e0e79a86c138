/**
 * `npm run bench:seeds`: the default campaign on many seeds (1 … 200 unless told), every
 * (seed, task) check sharded over one worker pool (the campaign's worker, piscina), with an
 * empty regression database (none is read: each seed stands alone), a progress bar, and Ctrl-C
 * writing what finished, marked incomplete. Writes reports/out/seed-robustness.json and, when
 * the folder holds a campaign report, adds the seed-robustness section to its index.html.
 *
 *   npm run bench:seeds
 *   npm run bench:seeds -- --seeds 50 --first 1000 --runs 30 --workers 2 --out /tmp/robustness.json
 *   npm run bench:seeds -- --fresh          # a random first seed (printed)
 */
import { availableParallelism } from 'node:os';
import { setMaxListeners } from 'node:events';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { Piscina } from 'piscina';
import { CoverageRecorder } from '../model/coverage/coverageRecorder.ts';
import { DEFAULT_CONFIG } from '../properties/campaignConfig.ts';
import { allMachines, campaignTasks } from '../properties/campaign.ts';
import type { CampaignJob, CampaignJobResult } from '../properties/campaignWorker.ts';
import { progressReporter } from '../cli/progress.ts';
import { type SeedOutcome, type SeedVerdict, seedRobustness } from './seedsSummary.ts';
import { addSeedRobustnessToReport } from './seedsReport.ts';
import { writeJsonAtomically } from './writeJsonAtomically.ts';

const DEFAULT_OUT = 'reports/out/seed-robustness.json';
const WORKER = new URL('../properties/campaignWorker.ts', import.meta.url).href;

export interface SeedsBenchOptions {
  readonly seeds: readonly number[];
  readonly runs: number | null;
  /** The must-see judgement's cap (default: the campaign's, DEFAULT_COVERAGE_CAP). */
  readonly coverageCap?: number;
  readonly workers: number;
  readonly out: string;
  readonly shouldStop?: () => boolean;
  readonly progress?: boolean;
}

export async function runSeedsBench(options: SeedsBenchOptions) {
  const started = performance.now();
  const config = DEFAULT_CONFIG;
  const tasks = campaignTasks(config);
  const jobs = options.seeds.flatMap((seed) => tasks.map((task, taskIndex) => ({ seed, taskIndex, task })));
  const perSeed = new Map<number, { verdicts: (SeedVerdict | undefined)[]; coverage: CoverageRecorder; left: number }>();
  for (const seed of options.seeds) perSeed.set(seed, { verdicts: new Array(tasks.length), coverage: new CoverageRecorder(allMachines()), left: tasks.length });
  const progress = options.progress === false ? null : progressReporter();
  const pool = new Piscina<CampaignJob, CampaignJobResult>({ filename: WORKER, maxThreads: options.workers, minThreads: options.workers, execArgv: ['--import', 'tsx'] });
  const abort = new AbortController();
  setMaxListeners(jobs.length + 1, abort.signal);
  const watch = setInterval(() => {
    if (options.shouldStop?.()) abort.abort();
  }, 100);
  let done = 0;
  let next = 0;
  // A few jobs in flight per thread, taken in seed order, so seeds finish one after another
  // (piscina does not promise the order of a queue submitted all at once) and an
  // interruption leaves whole seeds behind it.
  const runner = async () => {
    while (next < jobs.length && !abort.signal.aborted) {
      const { seed, taskIndex, task } = jobs[next++]!;
      await runJob(seed, taskIndex, task);
    }
  };
  const runJob = async (seed: number, taskIndex: number, task: (typeof jobs)[number]['task']) => {
    try {
      const outcome = await pool.run({ config, taskIndex, seed, runs: options.runs, coverageCap: options.coverageCap, policy: null, swarm: false }, { signal: abort.signal });
      // The default campaign runs only built-in policies, so a policy failure here is a bug in one of them.
      if (outcome.policyFailure !== undefined) throw new Error(outcome.policyFailure);
      const { result, coverage } = outcome;
      const entry = perSeed.get(seed)!;
      entry.verdicts[taskIndex] = { id: result.id, variant: result.variant, expected: result.expected, verdict: result.verdict, minimal: result.minimality?.minimal ?? null };
      entry.coverage.absorb(coverage);
      entry.left--;
      progress?.start(task, done, jobs.length);
      progress?.done(result, done++, jobs.length);
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    }
  };
  try {
    await Promise.all(Array.from({ length: 2 * options.workers }, runner));
  } finally {
    clearInterval(watch);
    progress?.stop();
    await pool.destroy();
  }
  // Only whole seeds count: a seed cut short by Ctrl-C would bias the coverage minima.
  const outcomes: SeedOutcome[] = options.seeds
    .filter((seed) => perSeed.get(seed)!.left === 0)
    .map((seed) => ({ seed, verdicts: perSeed.get(seed)!.verdicts as SeedVerdict[], coverage: perSeed.get(seed)!.coverage.coverage() }));
  const summary = seedRobustness(outcomes, { complete: outcomes.length === options.seeds.length, runs: options.runs, durationMs: Math.round(performance.now() - started) });
  writeJsonAtomically(options.out, summary);
  addSeedRobustnessToReport(dirname(options.out), summary);
  return summary;
}

function percent(x: number): string {
  return `${(100 * x).toFixed(2)}%`;
}

export function seedsBenchText(summary: ReturnType<typeof seedRobustness>): string {
  const lines = [
    `${summary.seeds.length} seeds${summary.complete ? '' : ' (interrupted: incomplete)'}, ${summary.runs ?? 'default'} runs, ${(summary.durationMs / 1000).toFixed(0)} s`,
    `verdicts as expected: ${summary.verdicts.matching}/${summary.verdicts.total} = ${percent(summary.verdicts.share)} (bar ${percent(summary.bar.verdictShare)})`,
    `seeds missing an expected failure: ${summary.seedsWithMissedFailure.length}${summary.seedsWithMissedFailure.length ? ` (${summary.seedsWithMissedFailure.join(', ')})` : ''}`,
    ...summary.properties.filter((p) => p.mismatchSeeds.length > 0 || p.notMinimalSeeds.length > 0).map((p) => `  ${p.id}${p.variant ? ` (${p.variant})` : ''}: ${percent(p.matchRate)} as expected${p.mismatchSeeds.length ? `, mismatches on ${p.mismatchSeeds.join(', ')}` : ''}${p.notMinimalSeeds.length ? `; not minimal on ${p.notMinimalSeeds.length} seeds` : ''}`),
    ...summary.machines.map((m) => `  ${m.id}: states ≥ ${m.statesMin.covered}/${m.statesMin.total}, transitions ≥ ${m.transitionsMin.covered}/${m.transitionsMin.total} (${percent(m.reachableShareMin)} of the reachable)${m.meetsBar ? '' : ' BELOW THE BAR'}`),
    `meets the bar: ${summary.meetsBar ? 'yes' : 'no'}`,
  ];
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '200' },
      first: { type: 'string', default: '1' },
      fresh: { type: 'boolean', default: false },
      runs: { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string', default: DEFAULT_OUT },
    },
  });
  const whole = (flag: string, value: string, min: number) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
      process.stderr.write(`bench:seeds: --${flag}: expected a whole number ≥ ${min}, found ${JSON.stringify(value)}\n`);
      process.exit(2);
    }
    return n;
  };
  const count = whole('seeds', values.seeds, 1);
  const first = values.fresh ? Math.floor(Math.random() * 2 ** 30) : whole('first', values.first, 0);
  const seeds = Array.from({ length: count }, (_, i) => first + i);
  process.stderr.write(`bench:seeds: seeds ${first} … ${first + count - 1}\n`);
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    process.stderr.write('\nbench:seeds: interrupted; writing what finished (Ctrl-C again to quit now)\n');
    process.once('SIGINT', () => process.exit(130));
  });
  const summary = await runSeedsBench({
    seeds,
    runs: values.runs === undefined ? null : whole('runs', values.runs, 1),
    workers: values.workers === undefined ? availableParallelism() : whole('workers', values.workers, 1),
    out: values.out,
    shouldStop: () => interrupted,
  });
  process.stdout.write(`${seedsBenchText(summary)}\nWritten to ${values.out}\n`);
  return interrupted ? 130 : summary.meetsBar ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
