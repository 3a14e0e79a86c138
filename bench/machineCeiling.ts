/**
 * What the machine itself lets N independent processes gain: the same fixed work run by one
 * child process alone, then by N at once, each child timing only its work. With nothing shared
 * between the processes, N × (alone / together) is the most any worker pool could reach on this
 * work; a pool below it loses to its own coordination, one near it to the machine. Two kinds of
 * work: plain arithmetic (the cores, nothing else) and the simulator (the campaign's kind of work,
 * allocation and GC included: processes on a shared host contend for caches and memory
 * bandwidth even when each has a core). The fastest of `tries` is kept for each figure.
 */
import { availableParallelism } from 'node:os';
import { runTsx } from './childProcess.ts';
import { round } from './stats.ts';

export interface CeilingFigure {
  /** One child alone: its work's wall time. */
  readonly aloneMs: number;
  /** N children at once: the mean of their work's wall times. */
  readonly togetherMs: number;
  /** N × alone / together. */
  readonly ceiling: number;
}

export interface MachineCeiling {
  readonly processes: number;
  readonly compute: CeilingFigure;
  readonly simulator: CeilingFigure;
}

// About five seconds of work each on the 2-core machine this was written on.
const REPEATS = { compute: 100, simulator: 5 } as const;
const TIMEOUT_MS = 10 * 60 * 1000;

async function workMs(work: keyof typeof REPEATS): Promise<number> {
  const run = await runTsx('bench/ceilingChild.ts', [work, String(REPEATS[work])], { timeoutMs: TIMEOUT_MS });
  if (run.code !== 0) throw new Error(`ceilingChild ${work} exited ${run.code}: ${run.stderr.trim()}`);
  return (JSON.parse(run.stdout) as { workMs: number }).workMs;
}

async function figure(work: keyof typeof REPEATS, processes: number, tries: number): Promise<CeilingFigure> {
  let aloneMs = Infinity;
  let togetherMs = Infinity;
  for (let t = 0; t < tries; t++) {
    aloneMs = Math.min(aloneMs, await workMs(work));
    const together = await Promise.all(Array.from({ length: processes }, () => workMs(work)));
    togetherMs = Math.min(togetherMs, together.reduce((a, b) => a + b, 0) / together.length);
  }
  return { aloneMs: Math.round(aloneMs), togetherMs: Math.round(togetherMs), ceiling: round((processes * aloneMs) / togetherMs, 2) };
}

export async function measureMachineCeiling(processes = availableParallelism(), tries = 2): Promise<MachineCeiling> {
  return { processes, compute: await figure('compute', processes, tries), simulator: await figure('simulator', processes, tries) };
}
