/**
 * `npm run swarm-eval`: does swarm mode find the catalog's expected failures faster? For each
 * expected failure, the runs fast-check needs to the first counterexample (`endOnFailure`, so
 * no shrinking), with swarm schedules and without, on the same 20 seeds; the median and mean
 * of each, and over the catalog the sum and geometric mean of the medians and the sum of the
 * means. Swarm counts as at least as fast only if none of the three is worse: medians of small
 * run counts tie often, the means break the ties. Writes reports/out/swarm.json and prints the
 * table the README quotes.
 *
 *   npm run swarm-eval
 *   npm run swarm-eval -- --seeds 50 --max-runs 2000 --out file.json
 */
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { scenariosFor } from '../properties/checkProperty.ts';
import { DEFAULT_SEED, DEFAULT_SWARM } from '../properties/seeds.ts';
import { type ExpectedFailure, expectedFailures } from './counterexampleTiming.ts';
import { runOnce } from './propertyRuns.ts';
import { median, round } from './stats.ts';
import { writeJsonAtomically } from './writeJsonAtomically.ts';

const DEFAULT_OUT = 'reports/out/swarm.json';
const DEFAULT_SEEDS = 20;
/** A seed that finds nothing in this many runs counts as this many (and is reported as missed). */
const DEFAULT_MAX_RUNS = 1000;

interface ModeResult {
  /** Runs to the first counterexample, per seed; null when none was found within maxRuns. */
  readonly runs: readonly (number | null)[];
  readonly median: number;
  readonly mean: number;
  readonly missed: number;
}

interface FailureResult {
  readonly id: string;
  readonly variant: string | null;
  /** Whether swarm mode draws anything different for it (a generator with a swarm in it). */
  readonly swarmApplies: boolean;
  readonly plain: ModeResult;
  readonly swarm: ModeResult;
}

function runsToFirstFailure({ definition, variant }: ExpectedFailure, swarm: boolean, seed: number, maxRuns: number): number | null {
  const property = fc.property(scenariosFor(definition, variant ?? undefined, swarm), (scenario) => runOnce(definition, scenario));
  const details = fc.check(property, { seed, numRuns: maxRuns, endOnFailure: true });
  return details.failed ? details.numRuns : null;
}

function measure(failure: ExpectedFailure, swarm: boolean, seeds: readonly number[], maxRuns: number): ModeResult {
  const runs = seeds.map((seed) => runsToFirstFailure(failure, swarm, seed, maxRuns));
  const counted = runs.map((r) => r ?? maxRuns);
  return { runs, median: median(counted), mean: round(counted.reduce((a, b) => a + b, 0) / counted.length, 2), missed: runs.filter((r) => r === null).length };
}

function drawsDiffer({ definition, variant }: ExpectedFailure): boolean {
  const sample = (swarm: boolean) => JSON.stringify(fc.sample(scenariosFor(definition, variant ?? undefined, swarm), { seed: DEFAULT_SEED, numRuns: 30 }));
  return sample(true) !== sample(false);
}

const geometricMean = (values: readonly number[]) => Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);

function table(results: readonly FailureResult[]): string {
  const cell = (mode: ModeResult) => `${mode.median}${mode.missed > 0 ? ` (${mode.missed} missed)` : ''}`;
  return [
    '| expected failure | swarm applies | median runs, plain | median runs, swarm | mean, plain | mean, swarm |',
    '|---|---|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.variant ? `${r.id} (${r.variant})` : r.id} | ${r.swarmApplies ? 'yes' : 'no'} | ${cell(r.plain)} | ${cell(r.swarm)} | ${r.plain.mean} | ${r.swarm.mean} |`),
  ].join('\n');
}

function main(): void {
  const { values } = parseArgs({ options: { seeds: { type: 'string' }, 'max-runs': { type: 'string' }, out: { type: 'string' } } });
  const seedCount = values.seeds === undefined ? DEFAULT_SEEDS : Number(values.seeds);
  const maxRuns = values['max-runs'] === undefined ? DEFAULT_MAX_RUNS : Number(values['max-runs']);
  if (!Number.isInteger(seedCount) || seedCount < 1) throw new Error(`--seeds: expected a whole number ≥ 1, found ${values.seeds}`);
  if (!Number.isInteger(maxRuns) || maxRuns < 1) throw new Error(`--max-runs: expected a whole number ≥ 1, found ${values['max-runs']}`);
  const seeds = Array.from({ length: seedCount }, (_, i) => DEFAULT_SEED + i);

  const results: FailureResult[] = expectedFailures().map((failure) => {
    const result = {
      id: failure.definition.id,
      variant: failure.variant?.label ?? null,
      swarmApplies: drawsDiffer(failure),
      plain: measure(failure, false, seeds, maxRuns),
      swarm: measure(failure, true, seeds, maxRuns),
    };
    process.stderr.write(`swarm-eval: ${result.variant ? `${result.id} (${result.variant})` : result.id}: plain ${result.plain.median}, swarm ${result.swarm.median}\n`);
    return result;
  });
  const of = (mode: 'plain' | 'swarm', figure: 'median' | 'mean') => results.map((r) => r[mode][figure]);
  const sum = (values: readonly number[]) => round(values.reduce((a, b) => a + b, 0), 2);
  const overall = {
    sumOfMedians: { plain: sum(of('plain', 'median')), swarm: sum(of('swarm', 'median')) },
    geometricMeanOfMedians: { plain: round(geometricMean(of('plain', 'median')), 3), swarm: round(geometricMean(of('swarm', 'median')), 3) },
    sumOfMeans: { plain: sum(of('plain', 'mean')), swarm: sum(of('swarm', 'mean')) },
  };
  const swarmAtLeastAsFast = Object.values(overall).every((figure) => figure.swarm <= figure.plain);
  const out = values.out ?? DEFAULT_OUT;
  writeJsonAtomically(out, { seeds, maxRuns, defaultSwarm: DEFAULT_SWARM, failures: results, overall, swarmAtLeastAsFast });
  process.stdout.write(
    `${table(results)}\n\n` +
      `Sum of medians: plain ${overall.sumOfMedians.plain}, swarm ${overall.sumOfMedians.swarm}; ` +
      `geometric mean of medians: plain ${overall.geometricMeanOfMedians.plain}, swarm ${overall.geometricMeanOfMedians.swarm}; ` +
      `sum of means: plain ${overall.sumOfMeans.plain}, swarm ${overall.sumOfMeans.swarm}.\n` +
      `Swarm ${swarmAtLeastAsFast ? 'finds' : 'does not find'} the expected failures at least as fast (${seeds.length} seeds from ${seeds[0]}). Written to ${out}.\n`,
  );
}

main();
