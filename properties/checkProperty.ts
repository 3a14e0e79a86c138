/**
 * Checks one catalog property with fast-check: generate scenarios under its hypothesis,
 * simulate each, read the trace; shrink any failure to its smallest story. Counts the
 * must-see situations (fast-check has no `cover`) and judges them statistically
 * (properties/mustSeeJudgement.ts): a clean `holds` whose runs do not reach them is `vacuous`,
 * and one still undecided at the coverage cap is `inconclusive`.
 */
import fc from 'fast-check';
import type { CoverageRecorder } from '../model/coverage/coverageRecorder.ts';
import type { Scenario } from '../model/scenario.ts';
import { simulate } from '../model/simulator/simulate.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { COUNTEREXAMPLE_FORMAT, type Counterexample } from './counterexample.ts';
import type { Expectation, PropertyDefinition, PropertyVariant, Verdict, Violation } from './propertyDefinition.ts';
import { withSwarmMode } from './arbitraries/swarmMode.ts';
import { DowntimeCollector, type DowntimeTally } from './downtime.ts';
import { RECHECK_EVERY, recheckDeterminism } from './determinismCheck.ts';
import { chooseSwarm } from './seeds.ts';
import { DEFAULT_COVERAGE_CAP, type MustSeeJudgement, judgeMustSee, looksAt } from './mustSeeJudgement.ts';

export const DEFAULT_RUNS = 100;

export interface CheckOptions {
  readonly seed: number;
  readonly runs?: number;
  /** Replay one case: fast-check's path from an earlier failure. */
  readonly path?: string;
  readonly variant?: PropertyVariant;
  /** Record model coverage of every run (costs time: XState inspection on every actor). */
  readonly coverage?: CoverageRecorder;
  /** Swarm fault schedules (default: FV_SWARM, else DEFAULT_SWARM); a seed and path replay only in the same mode. */
  readonly swarm?: boolean;
  /** The most runs a clean `holds` draws while a must-see situation is undecided (default DEFAULT_COVERAGE_CAP, never below the runs). */
  readonly coverageCap?: number;
}

export interface MustSeeTally {
  readonly id: string;
  readonly description: string;
  readonly minShare: number;
  readonly reached: number;
  readonly share: number;
  readonly met: boolean;
  /** The statistical judgement at the last look: `met`, `missed` (the generator does not reach it) or `undecided`. */
  readonly judgement: MustSeeJudgement;
  /** One-sided Clopper–Pearson bounds on the share, at the judgement's confidence. */
  readonly lowerBound: number;
  readonly upperBound: number;
}

export interface Minimality {
  readonly expected: string;
  readonly minimal: boolean;
  readonly detail: string | null;
}

export interface PropertyResult {
  readonly id: string;
  readonly variant: string | null;
  /** The healing policies the runs used, e.g. `serial` or `serial|parallel|adaptive|kubernetes`. */
  readonly policy: string;
  readonly expected: Expectation;
  readonly verdict: Verdict;
  /** Generated runs (shrinking steps not counted). */
  readonly runs: number;
  readonly shrinks: number;
  readonly seed: number;
  readonly durationMs: number;
  readonly mustSee: readonly MustSeeTally[];
  readonly counterexample: Counterexample | null;
  readonly minimality: Minimality | null;
  /** Set when the counterexample is a stored one (its regression-database file) that still fails. */
  readonly regression?: string;
  /** Recovery durations over the runs; `boundS` is the largest run's bound, `exceeding` counts durations past their own run's bound. */
  readonly recovery: { readonly durationsS: readonly number[]; readonly boundS: number; readonly exceeding: number } | null;
  /** How long apps were down over the runs, by the run's healing policy and the app's instance count. */
  readonly downtime: readonly DowntimeTally[];
  /** Generated runs simulated a second time and found to tell the identical story (one in RECHECK_EVERY). */
  readonly determinismRechecks: number;
}

/** Liveness: a run that never settles is a failure of its own kind, whatever the property says. */
export function livenessViolation(trace: Trace): Violation | null {
  if (trace.end !== 'step-limit') return null;
  return { atS: trace.endS, expected: 'the run settles within the step limit', seen: `still busy after ${trace.steps} events (a liveness failure)` };
}

export function violationOf(definition: Pick<PropertyDefinition, 'check'>, scenario: Scenario, trace: Trace): Violation | null {
  return livenessViolation(trace) ?? definition.check(scenario, trace);
}

/** The scenarios a check draws: the property's, under the variant's policy and adjustment, in the chosen swarm mode. */
export function scenariosFor(definition: PropertyDefinition, variant: PropertyVariant | undefined, swarm: boolean): fc.Arbitrary<Scenario> {
  return withSwarmMode(swarm, () => {
    const scenarios = definition.scenarios(variant?.policy);
    return variant?.adjust ? scenarios.map(variant.adjust) : scenarios;
  });
}

export function checkProperty(definition: PropertyDefinition, options: CheckOptions): PropertyResult {
  const started = performance.now();
  const expected = options.variant?.expectation ?? definition.expectation;
  const arbitrary = scenariosFor(definition, options.variant, options.swarm ?? chooseSwarm());
  const reached = definition.mustSee.map(() => 0);
  const durationsS: number[] = [];
  let boundS = 0;
  let exceeding = 0;
  let generated = 0;
  let failedOnce = false;
  const policies = new Set<string>();
  const downtime = new DowntimeCollector();
  let determinismRechecks = 0;
  // Thrown after fast-check is done: thrown inside the property, it would be shrunk as a counterexample.
  let nondeterminism: unknown = null;

  const simulation = options.coverage ? { inspect: options.coverage.inspect } : {};
  // Runs already simulated by an earlier pass over the same seed (they passed), and whether
  // the must-see judgement is decided (later runs are then drawn but not simulated).
  let skipFirst = 0;
  let index = 0;
  let decided = false;
  let looks: number[] = [];
  const judged = () => definition.mustSee.map((m, i) => judgeMustSee(reached[i]!, generated, m.minShare, looks.length));
  const property = fc.property(arbitrary, (scenario) => {
    if (index++ < skipFirst || decided) return true;
    const trace = simulate(scenario, simulation);
    if (!failedOnce) {
      generated++;
      policies.add(scenario.policy.healing.kind);
      downtime.add(scenario, trace);
      if ((generated - 1) % RECHECK_EVERY === 0 && nondeterminism === null) {
        try {
          recheckDeterminism(scenario, trace);
          determinismRechecks++;
        } catch (error) {
          nondeterminism = error;
        }
      }
      definition.mustSee.forEach((situation, i) => {
        if (situation.reached(scenario, trace)) reached[i]!++;
      });
      if (definition.measure) {
        const measured = definition.measure(scenario, trace);
        durationsS.push(...measured.durationsS);
        boundS = Math.max(boundS, measured.boundS);
        exceeding += measured.durationsS.filter((d) => d > measured.boundS).length;
      }
    }
    if (violationOf(definition, scenario, trace) !== null) {
      failedOnce = true;
      return false;
    }
    // At a look, stop simulating once every situation is decided (or one is missed).
    if (!failedOnce && looks.includes(generated)) {
      const now = judged();
      decided = now.some((j) => j.judgement === 'missed') || now.every((j) => j.judgement === 'met');
    }
    return true;
  });

  const runs = options.runs ?? definition.runs ?? DEFAULT_RUNS;
  const cap = Math.max(runs, options.coverageCap ?? DEFAULT_COVERAGE_CAP);
  const sequential = expected === 'holds' && definition.mustSee.length > 0 && options.path === undefined;
  looks = sequential ? looksAt(runs, cap) : [runs];
  let details = fc.check(property, { seed: options.seed, numRuns: runs, ...(options.path ? { path: options.path } : {}) });
  if (sequential && !details.failed && !decided && cap > runs) {
    // Undecided: the same seed drawn further, up to the cap. fast-check draws run i the same
    // whatever numRuns is, so the first runs are the ones already checked, and a failure found
    // later replays from the seed and its path as any other.
    skipFirst = runs;
    index = 0;
    details = fc.check(property, { seed: options.seed, numRuns: cap });
  }
  if (details.errorInstance && !details.counterexample) throw details.errorInstance;
  if (nondeterminism !== null) throw nondeterminism;

  let counterexample: Counterexample | null = null;
  let minimality: Minimality | null = null;
  if (details.failed && details.counterexample) {
    const [scenario] = details.counterexample;
    const trace = simulate(scenario);
    const violation = violationOf(definition, scenario, trace);
    if (violation === null) throw new Error(`${definition.id}: the shrunk counterexample does not fail again; the model is not deterministic`);
    counterexample = {
      format: COUNTEREXAMPLE_FORMAT,
      propertyId: definition.id,
      variant: options.variant?.label ?? null,
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      shrinks: details.numShrinks,
      violation,
      scenario,
      ...definition.replayedWith,
    };
    const expectedStory = options.variant ? options.variant.expectedCounterexample : definition.expectedCounterexample;
    if (expectedStory) {
      const detail = expectedStory.notMinimal(scenario, trace);
      minimality = { expected: expectedStory.description, minimal: detail === null, detail };
    }
  }

  const judgements = judged();
  const mustSee = definition.mustSee.map((situation, i): MustSeeTally => {
    const share = generated === 0 ? 0 : reached[i]! / generated;
    const { judgement, lower, upper } = judgements[i]!;
    return { id: situation.id, description: situation.description, minShare: situation.minShare, reached: reached[i]!, share, met: judgement === 'met', judgement, lowerBound: lower, upperBound: upper };
  });
  const verdict: Verdict = details.failed
    ? 'fails'
    : expected !== 'holds' || mustSee.every((m) => m.judgement === 'met')
      ? 'holds'
      : mustSee.some((m) => m.judgement === 'missed')
        ? 'vacuous'
        : 'inconclusive';
  return {
    id: definition.id,
    variant: options.variant?.label ?? null,
    policy: [...policies].sort().join('|'),
    expected,
    verdict,
    runs: generated,
    shrinks: details.numShrinks,
    seed: options.seed,
    durationMs: Math.round(performance.now() - started),
    mustSee,
    counterexample,
    minimality,
    recovery: definition.measure ? { durationsS, boundS, exceeding } : null,
    downtime: downtime.tallies(),
    determinismRechecks,
  };
}
