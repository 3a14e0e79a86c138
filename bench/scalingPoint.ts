/**
 * One size of the scaling benchmark: the scaled incident simulated after a JIT warm-up,
 * timed (median of a few runs, each on a fabric met for the first time, so no step is
 * answered from memory) and its heap peak read. Meant to run alone in a process
 * (scalingChild.ts), so one size's heap never counts against another's.
 */
import { incidentScenario } from '../model/scenarios/incident20090313.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { forgetStartedFabrics } from '../model/simulator/startedFabrics.ts';
import { startFabric } from '../model/simulator/startedFabric.ts';
import { withHeapPeak } from './heapPeak.ts';
import { scaledIncidentScenario } from './scaledIncident.ts';
import { median, round } from './stats.ts';

export interface ScalingPoint {
  readonly servers: number;
  readonly events: number;
  /** Median wall time of the measured runs. */
  readonly wallMs: number;
  readonly nsPerEvent: number;
  /** The same from the process's CPU time (user + system, GC threads included): steadier than wall time on a shared machine. */
  readonly cpuNsPerEvent: number;
  /** Median time of starting the fabric alone (initial placement, each machine's first snapshot): part of wallMs. */
  readonly setupMs: number;
  /** Peak used JS heap of the process during the first measured run, garbage included (V8 GC profiler). */
  readonly heapMB: number;
  /** The most the first measured run held at once: the largest heap a full collection left. */
  readonly liveHeapMB?: number;
  /** Used JS heap after a full collection before the run (modules, code): the floor. */
  readonly baselineHeapMB: number;
  /** Peak resident set of the whole child process (warm-up included): what the operating system gave it. */
  readonly peakRssMB: number;
  readonly repetitions: number;
  readonly end: string;
}

const WARM_UP_RUNS = 3;
const MB = 1024 * 1024;

function repetitionsFor(servers: number): number {
  if (servers <= 100) return 15;
  if (servers <= 1000) return 5;
  return 1;
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function measureSize(servers: number): ScalingPoint {
  // Warm the JIT on the 40-server incident, so small sizes are not timed cold.
  for (let i = 0; i < WARM_UP_RUNS; i++) simulate(incidentScenario());
  const scenario = scaledIncidentScenario(servers);
  collect();
  const { heapUsed: baseline } = process.memoryUsage();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const setupTimes: number[] = [];
  let events = 0;
  let end = '';
  let peakBytes = 0;
  let livePeakBytes = 0;
  for (let i = 0; i < repetitionsFor(servers); i++) {
    // Every repetition meets the fabric for the first time: the cost per event, not a memory's.
    forgetStartedFabrics();
    collect();
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const run = withHeapPeak(() => simulate(scenario));
    times.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    if (i === 0) ({ peakBytes, livePeakBytes } = run);
    const setupStarted = performance.now();
    startFabric(scenario, 0);
    setupTimes.push(performance.now() - setupStarted);
    events = run.value.steps;
    end = run.value.end;
  }
  const wallMs = median(times);
  return {
    servers,
    events,
    wallMs: round(wallMs),
    nsPerEvent: Math.round((wallMs * 1e6) / events),
    cpuNsPerEvent: Math.round((median(cpuTimes) * 1e6) / events),
    setupMs: round(median(setupTimes)),
    heapMB: round(peakBytes / MB),
    liveHeapMB: round(livePeakBytes / MB),
    baselineHeapMB: round(baseline / MB),
    // maxRSS is in kilobytes.
    peakRssMB: round((process.resourceUsage().maxRSS * 1024) / MB),
    repetitions: times.length,
    end,
  };
}
