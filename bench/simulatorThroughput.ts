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

export function measureSimulatorThroughput(timeMs = 3000): SimulatorThroughput {
  const scenario = incidentScenario();
  const trace = simulate(scenario);
  const deliveries = deliveriesOf(trace);
  const mismatch = replayMismatch(trace, replay(scenario, deliveries));
  if (mismatch !== null) throw new Error(`the raw replay does not end where the simulation did: ${mismatch}`);

  const bench = new Bench({ time: timeMs, warmupTime: 500, warmupIterations: 20, throws: true });
  bench.add('simulator', () => {
    simulate(scenario);
  });
  bench.add('raw', () => {
    replay(scenario, deliveries);
  });
  const [simulatorTask, rawTask] = bench.runSync();
  const simulatorMs = latencyOf(simulatorTask!);
  const rawMs = latencyOf(rawTask!);
  const eventsPerSecond = (trace.steps * 1000) / simulatorMs.mean;
  const rawEventsPerSecond = (trace.steps * 1000) / rawMs.mean;
  return {
    events: trace.steps,
    eventsPerSecond: Math.round(eventsPerSecond),
    rawEventsPerSecond: Math.round(rawEventsPerSecond),
    ratio: round(eventsPerSecond / rawEventsPerSecond, 3),
    simulatorMs,
    rawMs,
  };
}
