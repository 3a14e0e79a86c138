/**
 * The benchmark's report as text: one block per section, in the order they run, then the
 * targets. A pure function of the report; index.ts prints it.
 */
import type { BenchReport } from './report.ts';
import type { TargetResult } from './targets.ts';
import { startupBlock } from './startup.ts';
import { figure, textTable } from './textTable.ts';

function simulatorBlock(sim: NonNullable<BenchReport['simulator']>): string {
  return [
    `Simulator throughput: the 2009 incident, ${sim.events} events per run (tinybench, after warm-up; median round)`,
    textTable(
      ['', 'mean ms', 'p99 ms', 'events/s'],
      [
        ['simulator', figure(sim.simulatorMs.mean, 2), figure(sim.simulatorMs.p99, 2), figure(sim.eventsPerSecond)],
        ['raw XState, same deliveries', figure(sim.rawMs.mean, 2), figure(sim.rawMs.p99, 2), figure(sim.rawEventsPerSecond)],
      ],
    ),
    `  ratio simulator / raw: ${sim.ratio.toFixed(2)} (median of ${sim.roundRatios.length} rounds: ${sim.roundRatios.map((r) => r.toFixed(2)).join(', ')})`,
  ].join('\n');
}

function runsBlock(report: BenchReport): string {
  const detail = report.runsPerSecondDetail ?? {};
  const rows = Object.entries(detail).map(([id, r]) => [id, figure(r.runsPerSecond, 1), `${r.servers.min}–${r.servers.max}`, String(r.runs), r.method]);
  const incident = report.incidentRunsPerSecond;
  if (incident) rows.push(['incident, 40 servers (storage-unaffected)', figure(incident.runsPerSecond, 1), '40', String(incident.runs), incident.method]);
  return ['Runs per second: generate + simulate + check, one core', textTable(['property', 'runs/s', 'servers', 'runs', 'method'], rows)].join('\n');
}

function counterexampleBlock(timings: NonNullable<BenchReport['counterexamples']>): string {
  const rows = timings.map((c) => [
    c.variant ? `${c.id} (${c.variant})` : c.id,
    figure(c.findMs, 1),
    figure(c.shrinkMs, 1),
    figure(c.totalMs, 1),
    String(c.shrinks),
    `${c.found}/${c.seeds}`,
  ]);
  return ['Expected counterexamples: median over seeds', textTable(['property', 'find ms', 'shrink ms', 'total ms', 'shrinks', 'found'], rows)].join('\n');
}

function scalingBlock(points: NonNullable<BenchReport['scaling']>): string {
  const first = points[0];
  const ratio = (p: (typeof points)[number]) => (first ? `${(p.nsPerEvent / first.nsPerEvent).toFixed(2)}×` : '');
  const rows = points.map((p) => [
    figure(p.servers),
    figure(p.events),
    figure(p.wallMs, 1),
    figure(p.nsPerEvent),
    ratio(p),
    p.cpuNsPerEvent === undefined ? '–' : figure(p.cpuNsPerEvent),
    figure(p.setupMs, 1),
    p.liveHeapMB === undefined ? '–' : figure(p.liveHeapMB, 1),
    figure(p.heapMB, 1),
    p.peakRssMB === undefined ? '–' : figure(p.peakRssMB, 1),
  ]);
  return [
    'Scaling: the incident with servers and apps scaled (own process each; held = the most live at once, after a full collection; heap = peak used JS heap, garbage included, V8 GC profiler; RSS = the child\'s peak resident set)',
    textTable(['servers', 'events', 'wall ms', 'ns/event', `vs ${first ? figure(first.servers) : ''}`, 'CPU ns/event', 'setup ms', 'held MB', 'heap MB', 'RSS MB'], rows),
  ].join('\n');
}

/** One line on the capped run: whether the 5,000-server incident fits in the heap it is allowed. */
export function cappedRunLine(capped: NonNullable<BenchReport['scalingCapped']>): string {
  const size = capped.point ? figure(capped.point.servers) : '5,000';
  return capped.completed && capped.point
    ? `With V8's heap capped at ${capped.capMB} MB: ${size} servers complete in ${figure(capped.point.wallMs, 1)} ms (${capped.point.end}), ${figure(capped.point.heapMB, 1)} MB peak heap, ${figure(capped.point.peakRssMB ?? 0, 1)} MB peak RSS`
    : `With V8's heap capped at ${capped.capMB} MB: ${size} servers do not complete (${capped.failure ?? 'no result'})`;
}

function parallelBlock(p: NonNullable<BenchReport['parallel']>): string {
  const cpu = (ms: number | undefined) => (ms === undefined ? '' : figure(ms));
  return [
    `Parallel campaign: the default campaign (${p.tasks} tasks)${p.verdictsMatch ? '' : ' (some verdicts differ from their expectations)'}; CPU = user + system of every thread`,
    textTable(
      ['', 'wall ms', 'speedup', 'CPU ms'],
      [
        ['1 process, 1 worker thread', figure(p.oneWorkerMs), '1.00×', cpu(p.oneWorkerCpuMs)],
        [`${p.workers} processes \`--shard i/${p.workers} --workers 1\` (${p.shardMs.map((ms) => figure(ms)).join(', ')})`, figure(p.allCoresMs), `${p.speedup.toFixed(2)}×`, cpu(p.allCoresCpuMs)],
        [`1 process, pool of ${p.workers} threads \`--workers ${p.workers}\``, figure(p.poolMs), `${p.poolSpeedup.toFixed(2)}×`, cpu(p.poolCpuMs)],
        ...(p.poolFromSourceMs !== undefined ? [['the same pool from source (tsx in every worker)', figure(p.poolFromSourceMs), `${p.poolFromSourceSpeedup!.toFixed(2)}×`, cpu(p.poolFromSourceCpuMs)]] : []),
      ],
    ),
    ...(p.poolIdleCoresEstimate !== undefined
      ? [
          `  On idle cores (from task balance and CPU, not the wall clock): the tasks' balance allows ${p.balanceBound!.toFixed(2)}×; ` +
            `the pool ≈ ${p.poolIdleCoresEstimate.toFixed(2)}× compiled, ≈ ${p.poolFromSourceIdleCoresEstimate!.toFixed(2)}× from source`,
        ]
      : []),
    ...(p.machineCeiling !== undefined
      ? [
          `  The machine (${p.machineCeiling.processes} independent processes at once, nothing shared): plain arithmetic gains ${p.machineCeiling.compute.ceiling.toFixed(2)}×, ` +
            `the simulator ${p.machineCeiling.simulator.ceiling.toFixed(2)}× (${figure(p.machineCeiling.simulator.aloneMs)} ms alone, ${figure(p.machineCeiling.simulator.togetherMs)} ms each together): the most a pool can gain on this work here`,
        ]
      : []),
  ].join('\n');
}

function targetsBlock(targets: readonly TargetResult[]): string {
  const mark = (met: boolean | null) => (met === null ? 'n/a   ' : met ? 'met   ' : 'MISSED');
  return ['Targets', ...targets.map((t) => `  ${mark(t.met)}  ${t.target}: ${t.measured}`)].join('\n');
}

export function benchTable(report: BenchReport, targets: readonly TargetResult[]): string {
  const load = `load average ${report.loadAverage.start}${report.loadAverage.end === null ? '' : ` → ${report.loadAverage.end}`}`;
  const blocks = [`fabric-verify bench: node ${report.node}, ${report.cpus} × ${report.cpuModel}, ${load}`];
  if (report.simulator) blocks.push(simulatorBlock(report.simulator));
  if (report.runsPerSecondDetail || report.incidentRunsPerSecond) blocks.push(runsBlock(report));
  if (report.counterexamples) blocks.push(counterexampleBlock(report.counterexamples));
  if (report.scaling) blocks.push(scalingBlock(report.scaling) + (report.scalingCapped ? `\n${cappedRunLine(report.scalingCapped)}` : ''));
  if (report.parallel) blocks.push(parallelBlock(report.parallel));
  if (report.startup) blocks.push(startupBlock(report.startup));
  blocks.push(targetsBlock(targets));
  return blocks.join('\n\n');
}
