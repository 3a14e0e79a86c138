/**
 * The default campaign on one worker and on every core. There is no worker pool yet: each
 * worker is a process of the command line running one shard (`check --shard i/N`), and the
 * wall clock runs from the first spawn to the last exit. The campaign is the CLI's default:
 * DEFAULT_CONFIG, seed 20090313, each property's own run count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED } from '../properties/seeds.ts';
import type { CampaignSummary } from '../reports/summary.ts';
import { type ChildRun, runNode } from './childProcess.ts';
import type { ParallelCampaign } from './report.ts';
import { round } from './stats.ts';

const SHARD_TIMEOUT_MS = 30 * 60 * 1000;
/** The command line's exit codes for a finished campaign: all verdicts as expected, or some not. */
const FINISHED = new Set([0, 1]);

interface ShardOutcome {
  readonly run: ChildRun;
  readonly tasks: number;
  readonly matches: boolean;
}

function runShard(index: number, count: number, out: string): Promise<ShardOutcome> {
  const args = ['bin/fabric-verify.js', 'check', '--seed', String(DEFAULT_SEED), '--shard', `${index}/${count}`, '--out', join(out, `shard-${index}-of-${count}`), '--json'];
  return runNode(args, SHARD_TIMEOUT_MS).then((run) => {
    if (run.code === null || !FINISHED.has(run.code)) throw new Error(`check --shard ${index}/${count} exited ${run.code}: ${run.stderr.trim().split('\n').slice(-5).join('\n')}`);
    const summary = JSON.parse(run.stdout) as CampaignSummary;
    return { run, tasks: summary.properties.length, matches: summary.properties.every((p) => p.matches) };
  });
}

async function campaignOn(workers: number, out: string): Promise<{ wallMs: number; shards: ShardOutcome[] }> {
  const started = performance.now();
  const shards = await Promise.all(Array.from({ length: workers }, (_, i) => runShard(i + 1, workers, out)));
  return { wallMs: performance.now() - started, shards };
}

export async function measureParallelCampaign(workers = availableParallelism()): Promise<ParallelCampaign> {
  const out = mkdtempSync(join(tmpdir(), 'fabric-verify-bench-'));
  try {
    const one = await campaignOn(1, out);
    const all = await campaignOn(workers, out);
    return {
      workers,
      oneWorkerMs: Math.round(one.wallMs),
      allCoresMs: Math.round(all.wallMs),
      speedup: round(one.wallMs / all.wallMs, 2),
      shardMs: all.shards.map((s) => Math.round(s.run.wallMs)),
      tasks: one.shards[0]!.tasks,
      verdictsMatch: one.shards.every((s) => s.matches) && all.shards.every((s) => s.matches),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
