/**
 * Runs a Node child process (TypeScript through tsx's loader) and gathers what it printed,
 * with its wall time measured from spawn to exit.
 */
import { spawn } from 'node:child_process';

export interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
}

export interface ChildOptions {
  /** Node flags before the script, e.g. `--expose-gc`. */
  readonly nodeFlags?: readonly string[];
  readonly timeoutMs: number;
}

/** `node <flags> --import tsx <script> <args>`, run from the project root. */
export function runTsx(script: string, args: readonly string[], options: ChildOptions): Promise<ChildRun> {
  return runNode([...(options.nodeFlags ?? []), '--import', 'tsx', script, ...args], options.timeoutMs);
}

export function runNode(args: readonly string[], timeoutMs: number, env: Readonly<Record<string, string>> = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), wallMs: performance.now() - started });
    });
  });
}
