/**
 * Joining shard summaries: properties in catalog order, model coverage as the union of what
 * each shard reached (a state or transition is never reached only if no shard reached it).
 */
import type { MachineCoverage } from '../model/coverage/coverageRecorder.ts';
import { catalog } from '../properties/catalog/index.ts';
import { downtimeSummaries } from './summarize.ts';
import { SUMMARY_FORMAT, type CampaignSummary, type RegressionSummary } from './summary.ts';

/** Each shard replayed the stored counterexamples of its own tasks; every shard saw the same skipped files. */
function mergeRegressions(all: readonly RegressionSummary[]): RegressionSummary | null {
  if (all.length === 0) return null;
  const byFile = <T extends { file: string }>(items: readonly T[]) => [...new Map(items.map((item) => [item.file, item])).values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    folder: all[0]!.folder,
    replayed: all.reduce((sum, r) => sum + r.replayed, 0),
    stillFailing: all.reduce((sum, r) => sum + r.stillFailing, 0),
    entries: byFile(all.flatMap((r) => r.entries)),
    skipped: byFile(all.flatMap((r) => r.skipped)),
    stored: [...new Set(all.flatMap((r) => r.stored))].sort(),
  };
}

function mergeCoverage(all: readonly (readonly MachineCoverage[])[]): MachineCoverage[] {
  const first = all.find((c) => c.length > 0) ?? [];
  return first.map((machine) => {
    const shards = all.map((c) => c.find((m) => m.id === machine.id)).filter((m): m is MachineCoverage => m !== undefined);
    const neverReached = machine.neverReached.filter((item) => shards.every((m) => m.neverReached.includes(item)));
    const unreachedStates = neverReached.filter((item) => !item.includes(' --')).length;
    const unreachedTransitions = neverReached.length - unreachedStates;
    return {
      id: machine.id,
      states: { covered: machine.states.total - unreachedStates, total: machine.states.total },
      transitions: { covered: machine.transitions.total - unreachedTransitions, total: machine.transitions.total },
      neverReached,
    };
  });
}

export function mergeSummaries(summaries: readonly CampaignSummary[]): CampaignSummary {
  // The campaign's own task order: catalog order, each property's own setting before its variants.
  const tasks = catalog.flatMap((p) => [`${p.id}|`, ...(p.variants ?? []).map((v) => `${p.id}|${v.label}`)]);
  const order = (p: { id: string; variant: string | null }) => tasks.indexOf(`${p.id}|${p.variant ?? ''}`);
  const properties = summaries.flatMap((s) => s.properties).sort((a, b) => order(a) - order(b));
  return {
    format: SUMMARY_FORMAT,
    complete: summaries.every((s) => s.complete),
    campaign: {
      name: summaries[0]?.campaign.name ?? 'merged campaign',
      seed: summaries[0]?.campaign.seed ?? 0,
      runs: summaries[0]?.campaign.runs ?? null,
      shard: null,
      ...(summaries[0]?.campaign.swarm === undefined ? {} : { swarm: summaries[0].campaign.swarm }),
    },
    properties,
    coverage: { machines: mergeCoverage(summaries.map((s) => s.coverage.machines)) },
    recovery: summaries.flatMap((s) => s.recovery),
    downtime: downtimeSummaries(summaries.flatMap((s) => (s.downtime ?? []).map((d) => ({ policy: d.policy, instances: d.instances, appRuns: d.appRuns, downS: d.durationsS })))),
    sweep: summaries.find((s) => s.sweep !== null)?.sweep ?? null,
    regressions: mergeRegressions(summaries.flatMap((s) => (s.regressions ? [s.regressions] : []))),
    codeCoverage: null,
    durationMs: Math.max(0, ...summaries.map((s) => s.durationMs)),
  };
}
