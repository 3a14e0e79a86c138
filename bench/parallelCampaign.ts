/**
 * The default campaign on one worker and on every core, two ways: as N processes of the
 * command line each running one shard on one worker thread (`check --shard i/N --workers 1`),
 * the wall clock running from the first spawn to the last exit; and as one process with the
 * campaign's own pool of N worker threads (`check --workers N`). All run the compiled command
 * (dist/, as installed); the pool is also run from source through tsx (every worker compiling
 * the TypeScript again, as the bin did before the build), to show what compiling costs. The
 * campaign is the CLI's default: DEFAULT_CONFIG, seed 20090313, each property's own run count,
 * and a regression database of its own that starts empty. Each way is timed twice and the
 * faster kept; each run's CPU time (all threads) is kept beside its wall time, since on a
 * shared machine the wall clock measures the neighbours too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED } from '../properties/seeds.ts';
import type { CampaignSummary } from '../reports/summary.ts';
import { type CommandBuild, type CommandRun, runCommand } from './commandRun.ts';
import { measureMachineCeiling } from './machineCeiling.ts';
import type { ParallelCampaign } from './report.ts';
import { round } from './stats.ts';

const SHARD_TIMEOUT_MS = 30 * 60 * 1000;
/** The command line's exit codes for a finished campaign: all verdicts as expected, or some not. */
const FINISHED = new Set([0, 1]);

interface ShardOutcome {
  readonly run: CommandRun;
  readonly tasks: number;
  readonly matches: boolean;
  /** Each task's own time, in task order (summary.json's properties[].durationMs). */
  readonly taskMs: readonly number[];
}

/**
 * The pool's wall time on `workers` idle cores, as a share of the tasks' total: each task, in
 * queue order, goes to the first thread free (piscina's order), so a long task late in the
 * queue leaves the other thread idle.
 */
export function queueMakespan(taskMs: readonly number[], workers: number): number {
  const free = new Array<number>(workers).fill(0);
  for (const ms of taskMs) {
    const first = free.indexOf(Math.min(...free));
    free[first]! += ms;
  }
  return Math.max(...free);
}

/** One `check` process; `regressions` is the campaign's own, empty, regression database (every try does the same work). */
function runCheck(shard: { index: number; count: number }, threads: number, out: string, regressions: string, build: CommandBuild): Promise<ShardOutcome> {
  const name = `${build}-shard-${shard.index}-of-${shard.count}-threads-${threads}`;
  const args = ['check', '--seed', String(DEFAULT_SEED), '--shard', `${shard.index}/${shard.count}`, '--workers', String(threads), '--out', join(out, name), '--json'];
  return runCommand(build, args, SHARD_TIMEOUT_MS, { FV_REGRESSIONS: regressions }).then((run) => {
    if (run.code === null || !FINISHED.has(run.code)) throw new Error(`${build} ${args.join(' ')} exited ${run.code}: ${run.stderr.trim().split('\n').slice(-5).join('\n')}`);
    const summary = JSON.parse(run.stdout) as CampaignSummary;
    return { run, tasks: summary.properties.length, matches: summary.properties.every((p) => p.matches), taskMs: summary.properties.map((p) => p.durationMs) };
  });
}

let campaigns = 0;

async function campaignOn(processes: number, threads: number, out: string, build: CommandBuild = 'dist'): Promise<{ wallMs: number; shards: ShardOutcome[] }> {
  const regressions = join(out, `regressions-${++campaigns}`);
  const started = performance.now();
  const shards = await Promise.all(Array.from({ length: processes }, (_, i) => runCheck({ index: i + 1, count: processes }, threads, out, regressions, build)));
  return { wallMs: performance.now() - started, shards };
}

const cpuOf = (campaign: { shards: readonly ShardOutcome[] }) => Math.round(campaign.shards.reduce((sum, s) => sum + s.run.cpuMs, 0));

/** Other work on the machine only ever adds time: the fastest of a few tries is the closest to the truth. */
async function fastestOf(tries: number, run: () => Promise<{ wallMs: number; shards: ShardOutcome[] }>): Promise<{ wallMs: number; shards: ShardOutcome[] }> {
  let best = await run();
  for (let i = 1; i < tries; i++) {
    const next = await run();
    if (next.wallMs < best.wallMs) best = next;
  }
  return best;
}

export async function measureParallelCampaign(workers = availableParallelism(), tries = 2): Promise<ParallelCampaign> {
  const out = mkdtempSync(join(tmpdir(), 'fabric-verify-bench-'));
  try {
    const one = await fastestOf(tries, () => campaignOn(1, 1, out));
    const shards = await fastestOf(tries, () => campaignOn(workers, 1, out));
    const pool = await fastestOf(tries, () => campaignOn(1, workers, out));
    const poolFromSource = await fastestOf(tries, () => campaignOn(1, workers, out, 'tsx'));
    // On a shared machine the wall clock measures the neighbours too. Two figures that do not:
    // the tasks' balance over the threads (from the one-thread run's task times), and the pool's
    // CPU overhead over one thread (code loaded and compiled per thread, coordination).
    const taskMs = one.shards[0]!.taskMs;
    const balance = taskMs.reduce((a, b) => a + b, 0) / queueMakespan(taskMs, workers);
    // A pool cannot cost less CPU than one thread doing the same work: a lower reading is noise, counted as no overhead.
    const efficiency = (cpuMs: number) => Math.min(1, cpuOf(one) / cpuMs);
    return {
      workers,
      oneWorkerMs: Math.round(one.wallMs),
      allCoresMs: Math.round(shards.wallMs),
      speedup: round(one.wallMs / shards.wallMs, 2),
      shardMs: shards.shards.map((s) => Math.round(s.run.wallMs)),
      poolMs: Math.round(pool.wallMs),
      poolSpeedup: round(one.wallMs / pool.wallMs, 2),
      poolFromSourceMs: Math.round(poolFromSource.wallMs),
      poolFromSourceSpeedup: round(one.wallMs / poolFromSource.wallMs, 2),
      oneWorkerCpuMs: cpuOf(one),
      allCoresCpuMs: cpuOf(shards),
      poolCpuMs: cpuOf(pool),
      poolFromSourceCpuMs: cpuOf(poolFromSource),
      balanceBound: round(balance, 2),
      poolIdleCoresEstimate: round(balance * efficiency(cpuOf(pool)), 2),
      poolFromSourceIdleCoresEstimate: round(balance * efficiency(cpuOf(poolFromSource)), 2),
      tasks: one.shards[0]!.tasks,
      verdictsMatch: [one, shards, pool, poolFromSource].every((c) => c.shards.every((s) => s.matches)),
      machineCeiling: await measureMachineCeiling(workers, tries),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
