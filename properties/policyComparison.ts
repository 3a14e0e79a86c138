/**
 * `simulate --compare`: one scenario, one fault schedule, run once under each healing policy.
 * Only the policy differs between the runs (the scenario's operator switch goes, as with
 * `--policy`), so every difference in the figures is the policy's doing.
 */
import type { HealingPolicyKind } from '../model/policy.ts';
import type { Scenario } from '../model/scenario.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { type AppsAtInstant, appsOverTime } from './appsOverTime.ts';
import { type SimulationFigures, simulationFigures } from './simulationFigures.ts';

export interface PolicyRun {
  readonly policy: HealingPolicyKind;
  readonly figures: SimulationFigures;
  /** Apps available, degraded and down over the run (a step function). */
  readonly apps: readonly AppsAtInstant[];
}

export interface PolicyComparison {
  readonly scenario: string;
  readonly apps: number;
  readonly faults: number;
  readonly runs: readonly PolicyRun[];
}

export function comparePolicies(scenarioUnder: (policy: HealingPolicyKind) => Scenario, policies: readonly HealingPolicyKind[]): PolicyComparison {
  const runs = policies.map((policy) => {
    const scenario = scenarioUnder(policy);
    const trace = simulate(scenario);
    return { policy, scenario, figures: simulationFigures(scenario, trace), apps: appsOverTime(trace, scenario.topology.apps.length) };
  });
  const first = runs[0]!.scenario;
  // The comparison means something only if the runs met the same faults.
  const schedule = JSON.stringify(first.faults);
  const other = runs.find((run) => JSON.stringify(run.scenario.faults) !== schedule);
  if (other) throw new Error(`simulate --compare: the ${other.policy} run met a different fault schedule from the ${runs[0]!.policy} run`);
  return {
    scenario: first.name,
    apps: first.topology.apps.length,
    faults: first.faults.length,
    runs: runs.map(({ policy, figures, apps }) => ({ policy, figures, apps })),
  };
}

/** The span a chart shows: from the start to a little after the last change in any run (the whole run if nothing changed). */
export function changeWindow(comparison: PolicyComparison): { fromS: number; toS: number } {
  let lastChange = 0;
  for (const run of comparison.runs) {
    // The first point is t = 0 and the last may only mark the run's end.
    const changes = run.apps.slice(1, run.apps[run.apps.length - 1]!.t === run.figures.endS ? -1 : undefined);
    if (changes.length > 0) lastChange = Math.max(lastChange, changes[changes.length - 1]!.t);
  }
  const toS = lastChange === 0 ? Math.max(...comparison.runs.map((r) => r.figures.endS), 1) : Math.ceil(lastChange * 1.05);
  return { fromS: 0, toS };
}

/** For each run whose apps curve repeats an earlier run's, that earlier policy: an overlaid chart draws them as one line. */
export function sameCurveAs(comparison: PolicyComparison): Map<string, string> {
  const same = new Map<string, string>();
  const curves = comparison.runs.map((run) => JSON.stringify(run.apps.map((p) => [p.t, p.available, p.degraded, p.down])));
  comparison.runs.forEach((run, i) => {
    const earlier = curves.findIndex((curve, j) => j < i && curve === curves[i]);
    if (earlier >= 0) same.set(run.policy, comparison.runs[earlier]!.policy);
  });
  return same;
}
