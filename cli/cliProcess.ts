/**
 * Test support: the real command, run as a user runs it (`node bin/fabric-verify.js ...`) in a
 * child process, and the checks every bad-input case shares.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { EXIT_BAD_INPUT } from './exitCodes.ts';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join('bin', 'fabric-verify.js');
/** Far above a normal run (under a second); only turns a hang into a failure. */
const RUN_TIMEOUT_MS = 60_000;

export interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function fabricVerify(...args: string[]): Promise<Outcome> {
  return fabricVerifyWith({}, ...args);
}

/**
 * The test runner's own environment, less what would change what the command prints or where
 * it writes (colours; GitHub Actions' annotations and job summary): a test sets those itself.
 */
function plainEnvironment(): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _, NO_COLOR: __, GITHUB_ACTIONS: ___, GITHUB_STEP_SUMMARY: ____, ...env } = process.env;
  return env;
}

/** Each run gets a regression database of its own, so no test reads what another stored. */
function isolatedRegressions(): string {
  return mkdtempSync(join(tmpdir(), 'fabric-verify-regressions-'));
}

export function fabricVerifyWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Outcome> {
  // A database of the run's own, removed when it ends; a test that names one keeps it.
  const own = env['FV_REGRESSIONS'] === undefined ? isolatedRegressions() : null;
  return new Promise<Outcome>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, timeout: RUN_TIMEOUT_MS, env: { ...plainEnvironment(), ...(own ? { FV_REGRESSIONS: own } : {}), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  }).finally(() => {
    if (own) rmSync(own, { recursive: true, force: true });
  });
}

/** A stack frame as node prints one: `    at main (/work/main/cli/main.ts:12:3)`. */
export const STACK_FRAME = /^\s+at .*(:\d+:\d+\)?|<anonymous>)$/m;

export function expectBadInput(outcome: Outcome): void {
  expect(outcome.status).toBe(EXIT_BAD_INPUT);
  expect(outcome.stdout).toBe('');
  expect(outcome.stderr).not.toMatch(STACK_FRAME);
}

