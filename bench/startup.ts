/**
 * The command's start-up, compiled (dist/, what an installed user runs) against from source
 * through tsx (how the bin ran before the build): `--help`, a tiny check (one property, one
 * run, one worker thread) and `check --runs 1` (the whole catalog, one run each, a worker
 * thread per core, each of which loads the code again). Runs alternate between the two builds
 * so other work on the machine weighs on both alike; the median of each is kept, and the
 * ratios compare the two within this run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandBuild, type CommandRun, runCommand } from './commandRun.ts';
import { median, round } from './stats.ts';
import { textTable } from './textTable.ts';

export interface StartupCommand {
  readonly command: string;
  readonly tries: number;
  /** Median wall time, compiled and through tsx. */
  readonly distMs: number;
  readonly tsxMs: number;
  /** tsxMs / distMs: how many times longer the command takes from source. */
  readonly ratio: number;
  /** Median CPU time of the process (all threads). */
  readonly distCpuMs: number;
  readonly tsxCpuMs: number;
}

export interface StartupFigures {
  readonly commands: readonly StartupCommand[];
}

const TIMEOUT_MS = 5 * 60 * 1000;
/** `check` exits 0 or 1 when it finishes (verdicts as expected, or not). */
const FINISHED = new Set([0, 1]);

export async function measureStartup(tries = 5, onCommand?: (c: StartupCommand) => void): Promise<StartupFigures> {
  const out = mkdtempSync(join(tmpdir(), 'fabric-verify-bench-startup-'));
  let n = 0;
  // Each check writes its own report and starts from an empty regression database.
  const check = (...args: string[]) => () => ['check', ...args, '--out', join(out, `report-${++n}`)];
  const commands: [string, () => string[], number][] = [
    ['--help', () => ['--help'], tries],
    ['check --property single-instance-never-down --runs 1 --workers 1', check('--property', 'single-instance-never-down', '--runs', '1', '--workers', '1'), tries],
    ['check --runs 1', check('--runs', '1'), Math.max(1, Math.ceil(tries / 2))],
  ];
  try {
    const measured: StartupCommand[] = [];
    for (const [command, args, times] of commands) {
      const runs: Record<CommandBuild, CommandRun[]> = { dist: [], tsx: [] };
      for (let i = 0; i < times; i++) {
        for (const build of i % 2 === 0 ? (['dist', 'tsx'] as const) : (['tsx', 'dist'] as const)) {
          const run = await runCommand(build, args(), TIMEOUT_MS, { FV_REGRESSIONS: join(out, `regressions-${++n}`) });
          if (run.code === null || !FINISHED.has(run.code)) throw new Error(`${build} ${command} exited ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join('\n')}`);
          runs[build].push(run);
        }
      }
      const distMs = median(runs.dist.map((r) => r.wallMs));
      const tsxMs = median(runs.tsx.map((r) => r.wallMs));
      const figures: StartupCommand = {
        command,
        tries: times,
        distMs: Math.round(distMs),
        tsxMs: Math.round(tsxMs),
        ratio: round(tsxMs / distMs, 2),
        distCpuMs: Math.round(median(runs.dist.map((r) => r.cpuMs))),
        tsxCpuMs: Math.round(median(runs.tsx.map((r) => r.cpuMs))),
      };
      onCommand?.(figures);
      measured.push(figures);
    }
    return { commands: measured };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function startupBlock(startup: StartupFigures): string {
  return [
    'CLI start-up: compiled (node bin/fabric-verify.js) against from source (node --import tsx), medians, runs alternating',
    textTable(
      ['command', 'tries', 'dist ms', 'tsx ms', 'tsx/dist', 'dist CPU ms', 'tsx CPU ms'],
      startup.commands.map((c) => [c.command, String(c.tries), String(c.distMs), String(c.tsxMs), `${c.ratio.toFixed(2)}×`, String(c.distCpuMs), String(c.tsxCpuMs)]),
    ),
  ].join('\n');
}

/** `npx tsx bench/startup.ts [tries]`: this section alone. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const tries = process.argv[2] === undefined ? 5 : Number(process.argv[2]);
  const startup = await measureStartup(tries, (c) => process.stderr.write(`bench: ${c.command}: ${c.distMs} ms compiled, ${c.tsxMs} ms through tsx\n`));
  process.stdout.write(`${startupBlock(startup)}\n`);
}
