/**
 * `summary.json`: a campaign's results as data, the one input of every report writer. Its
 * schema is documented in the README; `format` names its version.
 */
import type { MachineCoverage } from '../model/coverage/coverageRecorder.ts';
import type { Expectation, Verdict, Violation } from '../properties/propertyDefinition.ts';

export const SUMMARY_FORMAT = 'fabric-verify/summary@1';

export interface MustSeeSummary {
  readonly id: string;
  readonly description: string;
  readonly reached: number;
  readonly share: number;
  readonly minShare: number;
  readonly met: boolean;
  /** `met`, `missed` or `undecided` (properties/mustSeeJudgement.ts); absent in summaries from before the judgement. */
  readonly judgement?: 'met' | 'missed' | 'undecided';
  /** One-sided Clopper–Pearson bounds on the share at the judgement's confidence. */
  readonly lowerBound?: number;
  readonly upperBound?: number;
}

export interface CounterexampleSummary {
  /** Path of the counterexample file, relative to the report folder. */
  readonly file: string;
  /** Faults in the shrunk schedule. */
  readonly faults: number;
  /** Servers that failed (crashed or failed their upgrade) in the shrunk run. */
  readonly failedServers: number;
  readonly violation: Violation;
  readonly shrinks: number;
  readonly expectedStory: string | null;
  /** Whether it shrank to the expected smallest story; null when none is stated. */
  readonly minimal: boolean | null;
  readonly minimalityDetail: string | null;
  /** The regression-database file it was replayed from, when no run of this campaign found one; else null. */
  readonly regression?: string | null;
}

export interface PropertySummary {
  readonly id: string;
  /** Variant label (another policy); null for the catalog's own setting. */
  readonly variant: string | null;
  readonly statement: string;
  readonly hypothesis: string;
  readonly policy: string;
  readonly expected: Expectation;
  readonly verdict: Verdict;
  readonly matches: boolean;
  readonly runs: number;
  readonly seed: number;
  /** fast-check's replay path of the shrunk counterexample; null when none. */
  readonly path: string | null;
  readonly durationMs: number;
  readonly mustSee: readonly MustSeeSummary[];
  /** For a clean `holds`: after N clean runs, one run breaks it with chance below about 3/N (95%). */
  readonly failureRateBelow: number | null;
  /** Generated runs simulated a second time, each telling the identical story (a differing one stops the campaign). */
  readonly determinismRechecks: number;
  readonly counterexample: CounterexampleSummary | null;
  /** How the verdict was reached: `random` runs (fast-check; the meaning when absent) or an `exhaustive` exploration of a bound. */
  readonly method?: 'random' | 'exhaustive';
  /** For `exhaustive`: the bound explored and how much of it the search covered; absent or null otherwise. */
  readonly bound?: ExploredBoundSummary | null;
}

/** The bound an exhaustive verdict holds for (`fabric-verify explore`). */
export interface ExploredBoundSummary {
  /** K: faults per schedule at most. */
  readonly maxFaults: number;
  /** T: the last time a fault may be injected. */
  readonly horizonS: number;
  /** G: the grid of times a fault may be injected at. */
  readonly granularityS: number;
  /** Every run goes on this long after T. */
  readonly settleS: number;
  /** Whether the whole bound was explored (a `holds` says something only then). */
  readonly complete: boolean;
  /** Fault schedules of the bound covered. */
  readonly schedules: number;
  readonly distinctStates: number;
  /** The deepest choice point reached. */
  readonly depth: number;
  /** Whether interchangeable servers were merged (a heuristic reduction; see explore/search/symmetry.ts). */
  readonly symmetry: boolean;
}

export interface RecoverySummary {
  readonly property: string;
  readonly variant: string | null;
  readonly policy: string;
  readonly samples: number;
  readonly p50S: number | null;
  readonly p99S: number | null;
  readonly maxS: number | null;
  /** The largest bound over the runs (each run's bound follows its own timings). */
  readonly boundS: number;
  /** Durations past their own run's bound. */
  readonly exceeding: number;
  /** Every measured duration, for distribution charts. */
  readonly durationsS: readonly number[];
}

/** How long apps of one instance count were down under one healing policy, over every run of the campaign. */
export interface DowntimeSummary {
  readonly policy: string;
  /** The app's smallest role instance count. */
  readonly instances: number;
  /** Apps of that count times the runs they were in. */
  readonly appRuns: number;
  /** App-runs that were down for a while. */
  readonly downAppRuns: number;
  /** downAppRuns / appRuns. */
  readonly shareDown: number;
  /** Percentiles and max of the down app-runs' total down time (null if none went down). */
  readonly p50S: number | null;
  readonly p99S: number | null;
  readonly maxS: number | null;
  /** Each down app-run's total down time, ascending, for distribution charts. */
  readonly durationsS: readonly number[];
}

export interface SweepCell {
  readonly point: Readonly<Record<string, string | number | boolean>>;
  /** The verdict of each property checked at the point (an interrupted sweep leaves some out). */
  readonly verdicts: Readonly<Record<string, Verdict>>;
  /** Each failing property's counterexample file, relative to the report folder (`fabric-verify replay FILE`). */
  readonly counterexamples?: Readonly<Record<string, { readonly file: string }>>;
}

export interface SweepSummary {
  readonly parameters: readonly string[];
  readonly properties: readonly string[];
  /** One per grid point, in grid order, also when the sweep was interrupted. */
  readonly cells: readonly SweepCell[];
  /** False when Ctrl-C cut the sweep short (then some cells have no verdict). */
  readonly complete?: boolean;
}

/** One stored counterexample of a property (and variant) the campaign ran, replayed before its runs. */
export interface RegressionEntrySummary {
  readonly file: string;
  readonly property: string;
  readonly variant: string | null;
  readonly stillFails: boolean;
  /** What the property says of the replayed run now; null when it no longer breaks. */
  readonly violation: Violation | null;
}

/** The regression database as the campaign used it: replayed first, then added to. */
export interface RegressionSummary {
  readonly folder: string;
  readonly replayed: number;
  readonly stillFailing: number;
  readonly entries: readonly RegressionEntrySummary[];
  /** Stored files that do not parse, or whose property or variant no longer exists. */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
  /** The database files of the counterexamples this campaign's runs found (added, or there already). */
  readonly stored: readonly string[];
}

export interface CampaignSummary {
  readonly format: typeof SUMMARY_FORMAT;
  /** False when the campaign was interrupted: only what finished is here. */
  readonly complete: boolean;
  readonly campaign: {
    readonly name: string;
    readonly seed: number;
    readonly runs: number | null;
    readonly shard: { readonly index: number; readonly count: number } | null;
    /** Whether fault schedules were drawn swarm-style (`check` records it; a seed replays only in its mode). */
    readonly swarm?: boolean;
  };
  readonly properties: readonly PropertySummary[];
  readonly coverage: { readonly machines: readonly MachineCoverage[] };
  readonly recovery: readonly RecoverySummary[];
  /** Downtime by healing policy (a sweep: grid point) and instance count, over the runs of every property (empty for explorations). */
  readonly downtime: readonly DowntimeSummary[];
  readonly sweep: SweepSummary | null;
  /** `check` only: the stored counterexamples replayed before the runs, and the ones added. */
  readonly regressions?: RegressionSummary | null;
  /** `explore` only: what each exhaustive search did. */
  readonly exploration?: ExplorationSummary | null;
  /** Where vitest's V8 coverage report is, relative to the report folder; null if not generated. */
  readonly codeCoverage: string | null;
  readonly durationMs: number;
}

/** One exhaustive search: the properties sharing a policy, faults, hypothesis and check scope. */
export interface ExplorationSearchSummary {
  /** Its policy and faults, in a few words. */
  readonly label: string;
  /** `stretch`: safety checked on every stretch, equal states merged; `whole-run`: every schedule checked whole. */
  readonly scope: 'stretch' | 'whole-run';
  readonly properties: readonly string[];
  /** Faults the search may inject at each choice point. */
  readonly faults: number;
  /** Stretches simulated (one per state and choice). */
  readonly generated: number;
  readonly distinctStates: number;
  readonly statesPerSecond: number;
  readonly depth: number;
  readonly choicePoints: number;
  readonly schedules: number;
  readonly complete: boolean;
  readonly durationMs: number;
}

/** How an exhaustive verdict compares with random testing of the same space (explore --agreement). */
export interface AgreementSummary {
  readonly property: string;
  readonly variant: string | null;
  readonly expected: Expectation;
  readonly exhaustive: Verdict;
  readonly random: Verdict;
  readonly agree: boolean;
  /**
   * False only when the two contradict the exploration: random testing broke the property on a
   * schedule of the bound the exploration said holds, or shrank to fewer faults than the
   * breadth-first counterexample. Random testing missing a failure is its nature, not a contradiction.
   */
  readonly consistent: boolean;
  readonly randomRuns: number;
  /** Runs random testing took to find its first failure; null when it found none. */
  readonly runsToFind: number | null;
  /** Faults in the breadth-first counterexample and in random testing's shrunk one. */
  readonly exhaustiveFaults: number | null;
  readonly randomFaults: number | null;
  /** Whether the shrunk random counterexample has no more faults than the breadth-first one. */
  readonly asShort: boolean | null;
}

export interface ExplorationSummary {
  readonly maxFaults: number;
  readonly horizonS: number;
  readonly granularityS: number;
  readonly settleS: number;
  readonly symmetry: boolean;
  readonly complete: boolean;
  /** Stretches simulated by every search. */
  readonly generated: number;
  /** Distinct states of the searches that merge states (`stretch` scope), and how fast they were found. */
  readonly distinctStates: number;
  readonly statesPerSecond: number;
  /** Whole runs checked by the searches that do not merge (`whole-run` scope), and how fast. */
  readonly wholeRuns: number;
  readonly wholeRunsPerSecond: number;
  readonly schedules: number;
  readonly searches: readonly ExplorationSearchSummary[];
  readonly notExplored: readonly { readonly property: string; readonly variant: string | null; readonly reason: string }[];
  readonly agreement: readonly AgreementSummary[] | null;
}
