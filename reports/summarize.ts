/**
 * From a campaign's results to `summary.json`'s shape: verdicts beside expectations, the
 * confidence a clean run buys, counterexample sizes, recovery-time distributions.
 */
import type { CampaignRun, Shard } from '../properties/campaign.ts';
import type { PropertyResult } from '../properties/checkProperty.ts';
import { counterexampleFileName } from '../properties/counterexample.ts';
import { DowntimeCollector, type DowntimeTally } from '../properties/downtime.ts';
import { percentile } from '../properties/percentiles.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { failedServers } from '../properties/traceQueries.ts';
import { type CampaignSummary, type DowntimeSummary, type PropertySummary, type RecoverySummary, type RegressionSummary, SUMMARY_FORMAT, type SweepSummary } from './summary.ts';

export interface SummaryMeta {
  readonly name: string;
  readonly seed: number;
  readonly runs: number | null;
  readonly shard: Shard | null;
  readonly sweep?: SweepSummary | null;
  readonly codeCoverage?: string | null;
  /** Whether fault schedules were drawn swarm-style. */
  readonly swarm?: boolean;
  readonly regressions?: RegressionSummary | null;
}

export const COUNTEREXAMPLE_FOLDER = 'counterexamples';

export function propertySummary(result: PropertyResult, statement: string, hypothesis: string): PropertySummary {
  const cx = result.counterexample;
  const clean = result.verdict === 'holds' && result.counterexample === null;
  return {
    id: result.id,
    variant: result.variant,
    statement,
    hypothesis,
    policy: cx?.scenario.policy.healing.kind ?? result.policy,
    expected: result.expected,
    verdict: result.verdict,
    matches: result.verdict === result.expected,
    runs: result.runs,
    seed: result.seed,
    // A stored counterexample's seed and path are its own (in its file), not this campaign's.
    path: result.regression ? null : (cx?.path ?? null),
    durationMs: result.durationMs,
    mustSee: result.mustSee.map((m) => ({
      id: m.id,
      description: m.description,
      reached: m.reached,
      share: round(m.share),
      minShare: m.minShare,
      met: m.met,
      judgement: m.judgement,
      lowerBound: round(m.lowerBound),
      upperBound: round(m.upperBound),
    })),
    failureRateBelow: clean && result.runs > 0 ? round(3 / result.runs) : null,
    determinismRechecks: result.determinismRechecks,
    counterexample: cx
      ? {
          file: `${COUNTEREXAMPLE_FOLDER}/${counterexampleFileName(cx)}`,
          faults: cx.scenario.faults.length,
          failedServers: failedServers(simulate(cx.scenario)).size,
          violation: cx.violation,
          shrinks: cx.shrinks,
          expectedStory: result.minimality?.expected ?? null,
          minimal: result.minimality?.minimal ?? null,
          minimalityDetail: result.minimality?.detail ?? null,
          regression: result.regression ?? null,
        }
      : null,
  };
}

export function recoverySummary(result: PropertyResult): RecoverySummary | null {
  if (!result.recovery) return null;
  const d = result.recovery.durationsS;
  return {
    property: result.id,
    variant: result.variant,
    policy: result.policy,
    samples: d.length,
    p50S: percentile(d, 50),
    p99S: percentile(d, 99),
    maxS: d.length === 0 ? null : Math.max(...d),
    boundS: result.recovery.boundS,
    exceeding: result.recovery.exceeding,
    durationsS: d,
  };
}

/** Joins the downtime tallies of many properties (or shards) into one row per policy and instance count. */
export function downtimeSummaries(tallies: readonly DowntimeTally[]): DowntimeSummary[] {
  const collector = new DowntimeCollector();
  collector.addTallies(tallies);
  return collector.tallies().map((t) => ({
    policy: t.policy,
    instances: t.instances,
    appRuns: t.appRuns,
    downAppRuns: t.downS.length,
    shareDown: t.appRuns === 0 ? 0 : round(t.downS.length / t.appRuns),
    p50S: percentile(t.downS, 50),
    p99S: percentile(t.downS, 99),
    maxS: t.downS.length === 0 ? null : t.downS[t.downS.length - 1]!,
    durationsS: t.downS,
  }));
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export function summarize(run: CampaignRun, meta: SummaryMeta): CampaignSummary {
  return {
    format: SUMMARY_FORMAT,
    complete: run.complete,
    campaign: { name: meta.name, seed: meta.seed, runs: meta.runs, shard: meta.shard, ...(meta.swarm === undefined ? {} : { swarm: meta.swarm }) },
    properties: run.results.map((result, i) => propertySummary(result, run.tasks[i]!.property.statement, run.tasks[i]!.property.hypothesis)),
    coverage: { machines: run.coverage },
    recovery: run.results.map(recoverySummary).filter((r): r is RecoverySummary => r !== null),
    downtime: downtimeSummaries(run.results.flatMap((r) => r.downtime)),
    sweep: meta.sweep ?? null,
    regressions: meta.regressions ?? null,
    codeCoverage: meta.codeCoverage ?? null,
    durationMs: run.durationMs,
  };
}
