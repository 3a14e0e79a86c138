/**
 * `npm run bench`: the simulator's throughput against raw XState, fast-check runs per second,
 * time to find and shrink each expected counterexample, scaling to 5,000 servers, and the
 * campaign on one worker against every core. Prints a table and the targets met, and writes
 * reports/out/bench.json and bench.html (the same as a page, with the scaling chart).
 *
 *   npm run bench                                 every section
 *   npm run bench -- --only simulator,scaling     some sections again; the others are kept
 *                                                from the report already at --out, if any
 *   npm run bench -- --runs 100 --out file.json
 */
import { measureExplore } from './explore.ts';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { benchPage } from './benchPage.ts';
import { benchTable } from './benchTable.ts';
import { measureCounterexamples } from './counterexampleTiming.ts';
import { measureParallelCampaign } from './parallelCampaign.ts';
import { measureStartup } from './startup.ts';
import type { BenchReport, RunRate } from './report.ts';
import { measureIncidentRunsPerSecond, measureRunsPerSecond } from './runsPerSecond.ts';
import { CAPPED_SIZE, HEAP_CAP_MB, measureCappedRun, measureScaling } from './scaling.ts';
import { measureSimulatorThroughput } from './simulatorThroughput.ts';
import { round } from './stats.ts';
import { judgeTargets } from './targets.ts';
import { writeJsonAtomically } from './writeJsonAtomically.ts';

const SECTIONS = ['simulator', 'runs', 'counterexamples', 'scaling', 'parallel', 'startup', 'explore'] as const;
type Section = (typeof SECTIONS)[number];

const DEFAULT_OUT = 'reports/out/bench.json';
const DEFAULT_RUNS = 200;

function chosenSections(only: string | undefined): Set<Section> {
  if (only === undefined) return new Set(SECTIONS);
  const names = only.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`--only: unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  return new Set(names as Section[]);
}

type Measured = Pick<BenchReport, 'simulator' | 'runsPerSecond' | 'runsPerSecondDetail' | 'incidentRunsPerSecond' | 'counterexamples' | 'scaling' | 'scalingCapped' | 'parallel' | 'explore' | 'startup'>;

const NOTHING_MEASURED: Measured = {
  simulator: null,
  runsPerSecond: null,
  runsPerSecondDetail: null,
  incidentRunsPerSecond: null,
  counterexamples: null,
  scaling: null,
  scalingCapped: null,
  parallel: null,
  explore: null,
  startup: null,
};

/** The sections of an earlier report at `file`, to keep when only some are measured again. */
function earlierSections(file: string): Measured {
  if (!existsSync(file)) return NOTHING_MEASURED;
  try {
    const earlier = JSON.parse(readFileSync(file, 'utf8')) as Partial<Measured>;
    return Object.fromEntries(Object.keys(NOTHING_MEASURED).map((key) => [key, earlier[key as keyof Measured] ?? null])) as unknown as Measured;
  } catch {
    return NOTHING_MEASURED;
  }
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, out: { type: 'string' }, runs: { type: 'string' } } });
  const sections = chosenSections(values.only);
  const runs = values.runs === undefined ? DEFAULT_RUNS : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number ≥ 1, found ${values.runs}`);
  const out = values.out ?? DEFAULT_OUT;

  let report: BenchReport = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    loadAverage: { start: round(loadavg()[0]!, 2), end: null },
    ...(values.only === undefined ? NOTHING_MEASURED : earlierSections(out)),
  };
  if (sections.has('simulator')) {
    progress('simulator throughput against raw XState');
    report = { ...report, simulator: measureSimulatorThroughput() };
  }
  if (sections.has('runs')) {
    progress(`runs per second, ${runs} runs per property`);
    const detail = measureRunsPerSecond(runs, (id, r) => progress(`  ${id}: ${r.runsPerSecond} runs/s`));
    const rates: Record<string, number> = {};
    for (const [id, r] of Object.entries(detail)) rates[id] = r.runsPerSecond;
    const incident: RunRate = measureIncidentRunsPerSecond(Math.min(runs, 100));
    report = { ...report, runsPerSecond: rates, runsPerSecondDetail: detail, incidentRunsPerSecond: incident };
  }
  if (sections.has('counterexamples')) {
    progress('expected counterexamples: find and shrink');
    report = { ...report, counterexamples: measureCounterexamples((c) => progress(`  ${c.id}${c.variant ? ` (${c.variant})` : ''}: ${c.totalMs} ms`)) };
  }
  if (sections.has('scaling')) {
    progress('scaling, one child process per size');
    const scaling = await measureScaling(undefined, (p) => progress(`  ${p.servers} servers: ${p.wallMs} ms`));
    progress(`  ${CAPPED_SIZE} servers again, V8's heap capped at ${HEAP_CAP_MB} MB`);
    report = { ...report, scaling, scalingCapped: await measureCappedRun() };
  }
  if (sections.has('parallel')) {
    progress('default campaign on one worker, then on every core');
    report = { ...report, parallel: await measureParallelCampaign() };
  }
  if (sections.has('startup')) {
    progress('command start-up, compiled and through tsx');
    report = { ...report, startup: await measureStartup(5, (c) => progress(`  ${c.command}: ${c.distMs} ms compiled, ${c.tsxMs} ms through tsx`)) };
  }

  if (sections.has('explore')) {
    progress('exhaustive exploration of examples/small.json, K = 2');
    report = { ...report, explore: measureExplore() };
  }

  report = { ...report, loadAverage: { ...report.loadAverage, end: round(loadavg()[0]!, 2) } };
  const targets = judgeTargets(report);
  writeJsonAtomically(out, { ...report, targets });
  // The page beside the JSON: bench.json → bench.html.
  const page = out.replace(/\.json$/, '') + '.html';
  writeFileSync(`${page}.tmp`, benchPage(report, targets));
  renameSync(`${page}.tmp`, page);
  process.stdout.write(`${benchTable(report, targets)}\n\nWritten to ${out} and ${page}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
