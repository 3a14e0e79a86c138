/**
 * What `npm run bench` measures, as data: the shape of reports/out/bench.json. Each section
 * is null when it was not run (`--only`).
 */
import type { MachineCeiling } from './machineCeiling.ts';
import type { ExploreBench } from './explore.ts';
import type { CappedRun } from './scaling.ts';
import type { ScalingPoint } from './scalingPoint.ts';
import type { StartupFigures } from './startup.ts';

export interface LatencyMs {
  readonly mean: number;
  readonly p99: number;
  readonly samples: number;
}

export interface SimulatorThroughput {
  /** Deliveries (trace.steps) of one incident run. */
  readonly events: number;
  readonly eventsPerSecond: number;
  /** The same deliveries sent with plain actor.send() to fresh actors, no simulator around them. */
  readonly rawEventsPerSecond: number;
  /** simulator / raw: 1 means the simulator costs nothing on top of the machines. */
  readonly ratio: number;
  /** The ratio of every round (the reported figures are those of the median round). */
  readonly roundRatios: readonly number[];
  readonly simulatorMs: LatencyMs;
  readonly rawMs: LatencyMs;
}

export interface RunRate {
  readonly runs: number;
  readonly ms: number;
  readonly runsPerSecond: number;
  /** `checkProperty`: the catalog's own check; `all-runs`: every run generated, simulated and checked, none stopping the run. */
  readonly method: 'checkProperty' | 'all-runs';
  /** Servers of the generated topologies: the smallest, the mean, the largest. */
  readonly servers: { readonly min: number; readonly mean: number; readonly max: number };
}

export interface CounterexampleTiming {
  readonly id: string;
  readonly variant: string | null;
  /** Median over the seeds that found a failure. */
  readonly findMs: number;
  readonly shrinkMs: number;
  readonly totalMs: number;
  readonly shrinks: number;
  readonly found: number;
  readonly seeds: number;
}

export interface ParallelCampaign {
  readonly workers: number;
  /** One process, one worker thread. */
  readonly oneWorkerMs: number;
  /** `workers` processes, one shard and one worker thread each. */
  readonly allCoresMs: number;
  readonly speedup: number;
  /** Wall time of each shard of the all-cores run: the slowest one sets allCoresMs. */
  readonly shardMs: readonly number[];
  /** One process with the campaign's pool of `workers` threads. */
  readonly poolMs: number;
  readonly poolSpeedup: number;
  /** The same pool run from source through tsx (each worker compiles the TypeScript again). */
  readonly poolFromSourceMs?: number;
  readonly poolFromSourceSpeedup?: number;
  /** CPU time (user + system, all threads, summed over the processes) of each way. */
  readonly oneWorkerCpuMs?: number;
  readonly allCoresCpuMs?: number;
  readonly poolCpuMs?: number;
  readonly poolFromSourceCpuMs?: number;
  /** The most `workers` threads could gain from the tasks' balance alone (total / list-scheduled makespan of the one-thread run's task times). */
  readonly balanceBound?: number;
  /** Estimated pool speedup on idle cores: balanceBound × min(1, one-thread CPU / pool CPU) (compiled, and from source). */
  readonly poolIdleCoresEstimate?: number;
  readonly poolFromSourceIdleCoresEstimate?: number;
  readonly tasks: number;
  readonly verdictsMatch: boolean;
  /** What `workers` independent processes gain on this machine, on plain arithmetic and on the simulator (bench/machineCeiling.ts). */
  readonly machineCeiling?: MachineCeiling;
}

export interface BenchReport {
  readonly node: string;
  readonly cpus: number;
  readonly cpuModel: string;
  /** The machine's 1-minute load average when the bench started and when it ended: other work competes for the cores. */
  readonly loadAverage: { readonly start: number; readonly end: number | null };
  readonly simulator: SimulatorThroughput | null;
  /** Complete fast-check runs per second, by property id. */
  readonly runsPerSecond: Readonly<Record<string, number>> | null;
  readonly runsPerSecondDetail: Readonly<Record<string, RunRate>> | null;
  /** Runs per second on the 40-server incident topology (generate + simulate + check). */
  readonly incidentRunsPerSecond: RunRate | null;
  readonly counterexamples: readonly CounterexampleTiming[] | null;
  readonly scaling: readonly ScalingPoint[] | null;
  /** The 5,000-server incident with V8's heap capped (bench/scaling.ts). */
  readonly scalingCapped?: CappedRun | null;
  readonly parallel: ParallelCampaign | null;
  /** Exhaustive exploration of the small config (explore/). */
  readonly explore: ExploreBench | null;
  /** The command's start-up, compiled against through tsx (bench/startup.ts). */
  readonly startup?: StartupFigures | null;
}
