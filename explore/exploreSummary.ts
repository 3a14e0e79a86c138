/**
 * An exploration as `summary.json`: each explored property with `method: "exhaustive"` and the
 * bound its verdict holds for, its counterexample (the shortest one) beside random testing's,
 * and what each search did. Every report writer reads it unchanged.
 */
import { propertySummary } from '../reports/summarize.ts';
import { type AgreementSummary, type CampaignSummary, type ExplorationSummary, type PropertySummary, SUMMARY_FORMAT } from '../reports/summary.ts';
import type { ExploreRun, ExploredVerdict, SpaceRun } from './runExploration.ts';

function perSecond(count: number, ms: number): number {
  return ms <= 0 ? 0 : Math.round((count * 1000) / ms);
}

export function exploredPropertySummary(explored: ExploredVerdict, symmetry: boolean): PropertySummary {
  const { search, space, property } = explored;
  const summary = propertySummary(
    {
      id: property.definition.id,
      variant: property.variant?.label ?? null,
      policy: space.scenario.policy.healing.kind,
      expected: explored.expected,
      verdict: explored.verdict,
      runs: search.schedules,
      shrinks: 0,
      seed: 0,
      durationMs: Math.round(search.durationMs),
      mustSee: [],
      counterexample: explored.counterexample?.counterexample ?? null,
      minimality: explored.counterexample?.minimality ?? null,
      recovery: null,
      downtime: [],
      determinismRechecks: 0,
    },
    property.definition.statement,
    property.definition.hypothesis,
  );
  return {
    ...summary,
    // No schedule of a completely explored bound breaks it: the chance is zero there, not 3/N.
    failureRateBelow: explored.verdict === 'holds' && search.complete ? 0 : null,
    method: 'exhaustive',
    bound: {
      ...space.bound,
      complete: search.complete,
      schedules: search.schedules,
      distinctStates: search.distinct,
      depth: search.depth,
      symmetry: symmetry && space.scope === 'stretch',
    },
  };
}

export function explorationSummary(run: ExploreRun, agreement: readonly AgreementSummary[] | null): ExplorationSummary {
  const sum = (runs: readonly SpaceRun[], of: (s: SpaceRun['search']) => number) => runs.reduce((n, r) => n + of(r.search), 0);
  const merged = run.spaces.filter((s) => s.space.scope === 'stretch');
  const whole = run.spaces.filter((s) => s.space.scope === 'whole-run');
  const wholeRuns = sum(whole, (s) => s.schedules);
  return {
    ...run.bound,
    symmetry: run.symmetry,
    complete: run.complete,
    generated: sum(run.spaces, (s) => s.generated),
    distinctStates: sum(merged, (s) => s.distinct),
    statesPerSecond: perSecond(sum(merged, (s) => s.distinct), sum(merged, (s) => s.durationMs)),
    wholeRuns,
    wholeRunsPerSecond: perSecond(wholeRuns, sum(whole, (s) => s.durationMs)),
    schedules: run.spaces.reduce((n, s) => n + s.search.schedules, 0),
    searches: run.spaces.map(({ space, search }) => ({
      label: space.label,
      scope: space.scope,
      properties: space.properties.map((p) => (p.variant ? `${p.definition.id} (${p.variant.label})` : p.definition.id)),
      faults: space.alphabet.length,
      generated: search.generated,
      distinctStates: search.distinct,
      statesPerSecond: perSecond(search.distinct, search.durationMs),
      depth: search.depth,
      choicePoints: search.choicePoints,
      schedules: search.schedules,
      complete: search.complete,
      durationMs: Math.round(search.durationMs),
    })),
    notExplored: run.notExplored.map((n) => ({ property: n.propertyId, variant: n.variant, reason: n.reason })),
    agreement,
  };
}

export function exploreCampaignSummary(name: string, run: ExploreRun, agreement: readonly AgreementSummary[] | null): CampaignSummary {
  return {
    format: SUMMARY_FORMAT,
    complete: run.complete,
    campaign: { name: `${name} (exhaustive)`, seed: 0, runs: null, shard: null },
    properties: run.verdicts.map((v) => exploredPropertySummary(v, run.symmetry)),
    coverage: { machines: [] },
    recovery: [],
    downtime: [],
    sweep: null,
    regressions: null,
    codeCoverage: null,
    durationMs: Math.round(run.durationMs),
    exploration: explorationSummary(run, agreement),
  };
}
