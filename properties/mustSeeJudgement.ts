/**
 * Must-see situations judged as QuickCheck's `checkCoverage` judges coverage: "this generator
 * reaches X in at least a share m of its runs" is a claim about a probability, so it is tested
 * on the runs so far with a confidence bound, and more runs are drawn while the answer is
 * undecided, up to a cap.
 *
 * - Bounds: Clopper–Pearson (exact binomial, from the beta quantile of @stdlib), one-sided.
 * - `missed` (the verdict `vacuous`) only when the upper bound is below m: the generator does
 *   not reach X, with the stated confidence.
 * - `met` when the lower bound reaches MUST_SEE_TOLERANCE · m (QuickCheck's tolerance, 0.9):
 *   a generator at m exactly would otherwise never be decided.
 * - Looks at the run count, then at each doubling, and at the cap. The error is split evenly
 *   over the looks (Bonferroni), so over the whole sequence a generator that does reach X
 *   is called `missed` with a chance below 1 − MUST_SEE_CONFIDENCE, whatever the run count.
 * - Still undecided at the cap: `undecided`, and the property's verdict `inconclusive`.
 * - A required share of 1 claims every run, not a rate: met while every run reached it,
 *   missed at the first that did not.
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

/** Confidence of each must-see verdict, over all the looks taken. */
export const MUST_SEE_CONFIDENCE = 0.999;
/** QuickCheck's tolerance: `met` once the lower bound reaches this share of the required one. */
export const MUST_SEE_TOLERANCE = 0.9;
/** The most runs a `holds` check draws while a must-see situation is undecided (never fewer than its runs). */
export const DEFAULT_COVERAGE_CAP = 1000;

export type MustSeeJudgement = 'met' | 'missed' | 'undecided';

export interface Bounds {
  readonly lower: number;
  readonly upper: number;
}

/** One-sided Clopper–Pearson bounds on a share from `reached` of `runs`, each wrong with chance at most `alpha`. */
export function clopperPearson(reached: number, runs: number, alpha: number): Bounds {
  if (runs === 0) return { lower: 0, upper: 1 };
  return {
    lower: reached === 0 ? 0 : betaQuantile(alpha, reached, runs - reached + 1),
    upper: reached === runs ? 1 : betaQuantile(1 - alpha, reached + 1, runs - reached),
  };
}

/** The run counts at which the judgement looks: the runs, each doubling below the cap, the cap. */
export function looksAt(runs: number, cap: number): number[] {
  const looks: number[] = [];
  for (let n = Math.max(1, runs); n < cap; n *= 2) looks.push(n);
  looks.push(Math.max(cap, runs, 1));
  return looks;
}

export interface Judged extends Bounds {
  readonly judgement: MustSeeJudgement;
}

/** Judges one situation at a look, with the error split over `lookCount` looks. */
export function judgeMustSee(reached: number, runs: number, minShare: number, lookCount: number): Judged {
  const bounds = clopperPearson(reached, runs, (1 - MUST_SEE_CONFIDENCE) / lookCount);
  // A share of 1 is a claim about every run, not a rate: one run without it decides.
  if (minShare >= 1) return { ...bounds, judgement: reached === runs && runs > 0 ? 'met' : runs > 0 ? 'missed' : 'undecided' };
  const judgement: MustSeeJudgement = bounds.upper < minShare ? 'missed' : bounds.lower >= MUST_SEE_TOLERANCE * minShare ? 'met' : 'undecided';
  return { ...bounds, judgement };
}
