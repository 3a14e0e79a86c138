/**
 * The seed-robustness summary (`reports/out/seed-robustness.json`): the default campaign on
 * many seeds, judged against the bar. Pure: from each finished seed's verdicts and
 * model coverage to the figures; `bench/seedsRobustness.ts` runs the campaigns.
 */
import type { MachineCoverage } from '../model/coverage/coverageRecorder.ts';
import type { Expectation, Verdict } from '../properties/propertyDefinition.ts';
import { UNREACHABLE_BY_DESIGN, UNREACHABLE_STATES_BY_DESIGN } from '../properties/unreachableByDesign.ts';

export const SEED_ROBUSTNESS_FORMAT = 'fabric-verify/seed-robustness@1';
/** The bar: at least this share of (seed, property) verdicts as expected, and no seed missing an expected failure. */
export const VERDICT_SHARE_BAR = 0.995;
/** Each machine's transitions reached on every seed, of those not unreachable by design. */
export const TRANSITION_SHARE_BAR = 0.9;

export interface SeedVerdict {
  readonly id: string;
  readonly variant: string | null;
  readonly expected: Expectation;
  readonly verdict: Verdict;
  /** Whether the shrunk counterexample is the expected smallest story (null: no story to check). */
  readonly minimal: boolean | null;
}

export interface SeedOutcome {
  readonly seed: number;
  readonly verdicts: readonly SeedVerdict[];
  readonly coverage: readonly MachineCoverage[];
}

export interface PropertyRobustness {
  readonly id: string;
  readonly variant: string | null;
  readonly expected: Expectation;
  readonly seeds: number;
  readonly matching: number;
  readonly matchRate: number;
  readonly verdicts: Readonly<Record<Verdict, number>>;
  readonly mismatchSeeds: readonly number[];
  /** Seeds whose shrunk counterexample was not the expected smallest story. */
  readonly notMinimalSeeds: readonly number[];
}

export interface MachineRobustness {
  readonly id: string;
  /** The fewest states (of those not unreachable by design) and transitions any seed reached, and the first seed that reached so few. */
  readonly statesMin: { readonly covered: number; readonly total: number; readonly seed: number | null };
  readonly transitionsMin: { readonly covered: number; readonly total: number; readonly seed: number | null };
  /** Transitions no catalog hypothesis can reach, each with its reason (checked by properties/unreachableByDesign.test.ts). */
  readonly unreachableByDesign: readonly { readonly transition: string; readonly reason: string }[];
  /** States no catalog hypothesis can reach, each with its reason. */
  readonly unreachableStatesByDesign: readonly { readonly state: string; readonly reason: string }[];
  /** The lowest share over seeds of the transitions reached, out of those not unreachable by design. */
  readonly reachableShareMin: number;
  /** States and transitions some seeds never reached (unreachable-by-design ones aside), with how many seeds missed each. */
  readonly missedOnSomeSeeds: readonly { readonly key: string; readonly seeds: number }[];
  readonly meetsBar: boolean;
}

export interface SeedRobustness {
  readonly format: typeof SEED_ROBUSTNESS_FORMAT;
  /** False when interrupted: the figures cover the seeds that finished. */
  readonly complete: boolean;
  /** Runs per property (null: each property's default, the default campaign). */
  readonly runs: number | null;
  readonly seeds: readonly number[];
  readonly durationMs: number;
  readonly verdicts: { readonly total: number; readonly matching: number; readonly share: number };
  /** (seed, property) pairs whose expected failure was not found. */
  readonly missedFailures: readonly { readonly seed: number; readonly id: string; readonly variant: string | null; readonly verdict: Verdict }[];
  readonly seedsWithMissedFailure: readonly number[];
  readonly bar: { readonly verdictShare: number; readonly seedsWithMissedFailure: 0; readonly transitionShare: number };
  readonly meetsBar: boolean;
  readonly properties: readonly PropertyRobustness[];
  readonly machines: readonly MachineRobustness[];
}

const key = (id: string, variant: string | null) => `${id}\u0000${variant ?? ''}`;

function propertyFigures(outcomes: readonly SeedOutcome[]): PropertyRobustness[] {
  const byProperty = new Map<string, { first: SeedVerdict; rows: { seed: number; v: SeedVerdict }[] }>();
  for (const outcome of outcomes) {
    for (const v of outcome.verdicts) {
      const k = key(v.id, v.variant);
      if (!byProperty.has(k)) byProperty.set(k, { first: v, rows: [] });
      byProperty.get(k)!.rows.push({ seed: outcome.seed, v });
    }
  }
  return [...byProperty.values()].map(({ first, rows }) => {
    const verdicts: Record<Verdict, number> = { holds: 0, fails: 0, vacuous: 0, inconclusive: 0 };
    for (const { v } of rows) verdicts[v.verdict]++;
    const mismatchSeeds = rows.filter(({ v }) => v.verdict !== v.expected).map(({ seed }) => seed);
    return {
      id: first.id,
      variant: first.variant,
      expected: first.expected,
      seeds: rows.length,
      matching: rows.length - mismatchSeeds.length,
      matchRate: rows.length === 0 ? 0 : (rows.length - mismatchSeeds.length) / rows.length,
      verdicts,
      mismatchSeeds,
      notMinimalSeeds: rows.filter(({ v }) => v.minimal === false).map(({ seed }) => seed),
    };
  });
}

function machineFigures(outcomes: readonly SeedOutcome[]): MachineRobustness[] {
  const ids = outcomes[0]?.coverage.map((m) => m.id) ?? [];
  return ids.map((id) => {
    const unreachable = UNREACHABLE_BY_DESIGN.filter((u) => u.machine === id).map(({ transition, reason }) => ({ transition, reason }));
    const unreachableStates = UNREACHABLE_STATES_BY_DESIGN.filter((u) => u.machine === id).map(({ state, reason }) => ({ state, reason }));
    const designedTransitions = unreachable.map((u) => u.transition);
    const designedStates = unreachableStates.map((u) => u.state);
    const designed = new Set([...designedTransitions, ...designedStates]);
    /** States or transitions named unreachable by design are out of both sides of a figure (reached or not). */
    const withoutDesigned = (m: MachineCoverage, figure: { covered: number; total: number }, keys: readonly string[]) => ({
      covered: figure.covered - keys.filter((k) => !m.neverReached.includes(k)).length,
      total: figure.total - keys.length,
    });
    const rows = outcomes.map((o) => ({ seed: o.seed, m: o.coverage.find((c) => c.id === id)! }));
    const fewest = (pick: (m: MachineCoverage) => { covered: number; total: number }) => {
      const lowest = rows.reduce<(typeof rows)[number] | null>((low, r) => (low === null || pick(r.m).covered < pick(low.m).covered ? r : low), null);
      return lowest === null ? { covered: 0, total: 0, seed: null } : { ...pick(lowest.m), seed: lowest.seed };
    };
    const reachableShare = (m: MachineCoverage) => {
      const { covered, total } = withoutDesigned(m, m.transitions, designedTransitions);
      return total <= 0 ? 1 : covered / total;
    };
    const missed = new Map<string, number>();
    for (const { m } of rows) for (const k of m.neverReached) if (!designed.has(k)) missed.set(k, (missed.get(k) ?? 0) + 1);
    const statesMin = fewest((m) => withoutDesigned(m, m.states, designedStates));
    const reachableShareMin = rows.length === 0 ? 0 : Math.min(...rows.map((r) => reachableShare(r.m)));
    return {
      id,
      statesMin,
      transitionsMin: fewest((m) => m.transitions),
      unreachableByDesign: unreachable,
      unreachableStatesByDesign: unreachableStates,
      reachableShareMin,
      missedOnSomeSeeds: [...missed].map(([k, seeds]) => ({ key: k, seeds })).sort((a, b) => b.seeds - a.seeds || a.key.localeCompare(b.key)),
      meetsBar: rows.length > 0 && statesMin.covered === statesMin.total && reachableShareMin >= TRANSITION_SHARE_BAR,
    };
  });
}

export function seedRobustness(outcomes: readonly SeedOutcome[], meta: { readonly complete: boolean; readonly runs: number | null; readonly durationMs: number }): SeedRobustness {
  const all = outcomes.flatMap((o) => o.verdicts.map((v) => ({ seed: o.seed, v })));
  const matching = all.filter(({ v }) => v.verdict === v.expected).length;
  const missedFailures = all.filter(({ v }) => v.expected === 'fails' && v.verdict !== 'fails').map(({ seed, v }) => ({ seed, id: v.id, variant: v.variant, verdict: v.verdict }));
  const seedsWithMissedFailure = [...new Set(missedFailures.map((m) => m.seed))].sort((a, b) => a - b);
  const share = all.length === 0 ? 0 : matching / all.length;
  const machines = machineFigures(outcomes);
  return {
    format: SEED_ROBUSTNESS_FORMAT,
    complete: meta.complete,
    runs: meta.runs,
    seeds: outcomes.map((o) => o.seed),
    durationMs: meta.durationMs,
    verdicts: { total: all.length, matching, share },
    missedFailures,
    seedsWithMissedFailure,
    bar: { verdictShare: VERDICT_SHARE_BAR, seedsWithMissedFailure: 0, transitionShare: TRANSITION_SHARE_BAR },
    meetsBar: all.length > 0 && share >= VERDICT_SHARE_BAR && seedsWithMissedFailure.length === 0 && machines.every((m) => m.meetsBar),
    properties: propertyFigures(outcomes),
    machines,
  };
}
