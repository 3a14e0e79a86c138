/**
 * One run of the command for the start-up and pool benches, compiled (`node bin/fabric-verify.js`,
 * what an installed user runs) or from source (`node --import tsx bench/cliFromSource.ts`, how
 * the bin ran before the build), with its wall time and its CPU time (all threads).
 */
import { type ChildRun, runNode } from './childProcess.ts';

export type CommandBuild = 'dist' | 'tsx';

export interface CommandRun extends ChildRun {
  /** User + system CPU of the whole process, worker threads included. */
  readonly cpuMs: number;
}

const CPU_HOOK = ['--import', './bench/cpuAtExit.mjs'];
const ENTRY: Record<CommandBuild, readonly string[]> = {
  dist: ['bin/fabric-verify.js'],
  tsx: ['--import', 'tsx', 'bench/cliFromSource.ts'],
};

export async function runCommand(build: CommandBuild, args: readonly string[], timeoutMs: number, env: Readonly<Record<string, string>> = {}): Promise<CommandRun> {
  const run = await runNode([...CPU_HOOK, ...ENTRY[build], ...args], timeoutMs, env);
  const cpu = /\nbench-cpu-us (\d+)\n$/.exec(run.stderr);
  if (!cpu) throw new Error(`${build} ${args.join(' ')}: no CPU time reported (exit ${run.code}): ${run.stderr.trim().split('\n').slice(-3).join('\n')}`);
  return { ...run, stderr: run.stderr.slice(0, cpu.index), cpuMs: Number(cpu[1]) / 1000 };
}
