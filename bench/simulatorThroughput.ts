/**
 * Events per second of the simulator on the 2009 incident, against the same machines driven
 * directly (rawReplay.ts) in the same process. Both sides build their actors from the same
 * scenario inside the timed function, so the difference is the simulator: agenda, routing,
 * timers as data, and the trace it writes.
 */
import { Bench, type Task } from 'tinybench';
import { incidentScenario } from '../model/scenarios/incident20090313.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { deliveriesOf, replay, replayMismatch } from './rawReplay.ts';
import type { LatencyMs, SimulatorThroughput } from './report.ts';
import { round } from './stats.ts';

function latencyOf(task: Task): LatencyMs {
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`bench task ${task.name} ended ${result.state}`);
  return { mean: round(result.latency.mean, 3), p99: round(result.latency.p99, 3), samples: result.latency.samplesCount };
}

interface Round {
  readonly simulatorMs: LatencyMs;
  readonly rawMs: LatencyMs;
  readonly ratio: number;
}

/**
 * Several short rounds, each timing both sides one after the other, and the round with the
 * median ratio reported: on a shared machine a burst of load then spoils one round, not the
 * comparison.
 */
export function measureSimulatorThroughput(rounds = 5, roundMs = 1000): SimulatorThroughput {
  const scenario = incidentScenario();
  const trace = simulate(scenario);
  const deliveries = deliveriesOf(trace);
  const mismatch = replayMismatch(trace, replay(scenario, deliveries));
  if (mismatch !== null) throw new Error(`the raw replay does not end where the simulation did: ${mismatch}`);

  const results: Round[] = [];
  for (let i = 0; i < rounds; i++) {
    const bench = new Bench({ time: roundMs, warmupTime: i === 0 ? 500 : 100, warmupIterations: i === 0 ? 20 : 5, throws: true });
    bench.add('simulator', () => {
      simulate(scenario);
    });
    bench.add('raw', () => {
      replay(scenario, deliveries);
    });
    const [simulatorTask, rawTask] = bench.runSync();
    const simulatorMs = latencyOf(simulatorTask!);
    const rawMs = latencyOf(rawTask!);
    results.push({ simulatorMs, rawMs, ratio: rawMs.mean / simulatorMs.mean });
  }
  const byRatio = [...results].sort((a, b) => a.ratio - b.ratio);
  const chosen = byRatio[Math.floor(byRatio.length / 2)]!;
  return {
    events: trace.steps,
    eventsPerSecond: Math.round((trace.steps * 1000) / chosen.simulatorMs.mean),
    rawEventsPerSecond: Math.round((trace.steps * 1000) / chosen.rawMs.mean),
    ratio: round(chosen.ratio, 3),
    roundRatios: results.map((r) => round(r.ratio, 3)),
    simulatorMs: chosen.simulatorMs,
    rawMs: chosen.rawMs,
  };
}
