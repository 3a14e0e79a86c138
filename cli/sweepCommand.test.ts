/**
 * `sweep` on the worker pool: the same seed gives the same summary whatever the worker count,
 * each failing cell's counterexample is a file `replay` reproduces, an interrupted sweep
 * reports honestly what it checked, and Ctrl-C exits 130 as `check` does. Seeds are fixed
 * (DEFAULT_SEED unless named).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCounterexample } from '../properties/counterexampleFile.ts';
import { DEFAULT_SEED } from '../properties/seeds.ts';
import { runSweep } from '../properties/sweepRun.ts';
import type { CampaignSummary } from '../reports/summary.ts';
import { PROJECT_ROOT } from './cliProcess.ts';
import { EXIT_INTERRUPTED, EXIT_OK } from './exitCodes.ts';
import { replayCommand } from './replayCommand.ts';
import { sweepCommand } from './sweepCommand.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fabric-verify-sweep-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SWEEP = { properties: ['single-instance-never-down', 'false-positive-churn-bounded'], runs: 15, grid: { healing: ['serial' as const, 'parallel' as const] } };
const summaryIn = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as CampaignSummary;
/** summary.json but for its one timing field. */
const timeless = (out: string) => readFileSync(join(out, 'summary.json'), 'utf8').replace(/"durationMs": \d+/, '"durationMs": 0');

function configFile(name: string, sweep: object = SWEEP): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ name, sweep }));
  return file;
}

describe('sweep on the worker pool', () => {
  it('one and two workers write byte-identical summaries and counterexamples (seed DEFAULT_SEED)', async () => {
    const config = configFile('determinism');
    const one = await sweepCommand({ config, out: join(dir, 'one'), workers: 1 });
    const two = await sweepCommand({ config, out: join(dir, 'two'), workers: 2 });
    expect([one.exitCode, two.exitCode]).toEqual([EXIT_OK, EXIT_OK]);
    expect(timeless(join(dir, 'two'))).toBe(timeless(join(dir, 'one')));
    const files = summaryIn(join(dir, 'one')).sweep!.cells.flatMap((c) => Object.values(c.counterexamples ?? {}).map((r) => r.file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(join(dir, 'two', file), 'utf8'), file).toBe(readFileSync(join(dir, 'one', file), 'utf8'));
  });

  it('writes every failing cell\'s counterexample under counterexamples/sweep/, named in the summary, and replay reproduces it', async () => {
    const out = join(dir, 'cx');
    const outcome = await sweepCommand({ config: configFile('cx'), out, workers: 2 });
    expect(outcome.output).toMatch(/│ healing\s+│ single-instance-never-down │ false-positive-churn-bounded │/);
    const sweep = summaryIn(out).sweep!;
    expect(sweep.complete).toBe(true);
    let failing = 0;
    for (const cell of sweep.cells) {
      for (const property of sweep.properties) {
        const file = cell.counterexamples?.[property]?.file;
        if (cell.verdicts[property] !== 'fails') {
          expect(file, `${property} at ${cell.point['healing']} holds: no file`).toBeUndefined();
          continue;
        }
        failing++;
        expect(file).toBe(`counterexamples/sweep/${property}--healing-${cell.point['healing']}.json`);
        expect(existsSync(join(out, file!)), file).toBe(true);
      }
    }
    // single-instance-never-down fails at both points, false-positive churn under parallel healing.
    expect(failing).toBe(3);
    const file = join(out, sweep.cells[1]!.counterexamples!['false-positive-churn-bounded']!.file);
    const replay = replayCommand(file);
    expect(replay.reproduced).toBe(true);
    expect(replay.text).toContain(readCounterexample(file).violation.seen);
    expect(readCounterexample(file)).toMatchObject({ propertyId: 'false-positive-churn-bounded', variant: 'healing=parallel' });
  });

  it('stopped after two cells: every point stays, the rest unchecked, downtime only for whole points, marked incomplete', async () => {
    let asked = 0;
    const run = await runSweep(SWEEP, { seed: DEFAULT_SEED, runs: null, swarm: false, shouldStop: () => asked++ >= 2 });
    expect(run.complete).toBe(false);
    expect(run.summary.complete).toBe(false);
    expect(run.summary.cells.map((c) => Object.keys(c.verdicts).length)).toEqual([2, 0]);
    expect([...new Set(run.downtime.map((d) => d.policy))]).toEqual(['healing=serial']);
  });
});

describe('an interrupted sweep', () => {
  it('Ctrl-C stops it, writes what finished marked incomplete (summary, summary.md, index.html), and exits 130', async () => {
    const out = join(dir, 'interrupted');
    const config = configFile('interrupted', { properties: ['false-positive-churn-bounded', 'backlog-drains-after-trigger'], runs: 150, grid: { healing: ['serial', 'parallel', 'adaptive'], concurrency: [1, 2, 3] } });
    const child = spawn(process.execPath, ['bin/fabric-verify.js', 'sweep', '--config', config, '--workers', '2', '--out', out], { cwd: PROJECT_ROOT, env: { ...process.env, FV_REGRESSIONS: join(dir, 'regressions') } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Interrupt once the sweep is under way (a first cell has finished).
    await new Promise<void>((resolve) => child.stderr.on('data', () => /\[1\/18\]/.test(stderr) && resolve()));
    const signalledAt = performance.now();
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    // Well within a second on an idle machine; the margin absorbs two busy cores.
    expect(performance.now() - signalledAt).toBeLessThan(3000);
    expect(status, stderr).toBe(EXIT_INTERRUPTED);
    expect(stderr).toContain('interrupted; writing the report of what finished');
    expect(stderr).not.toMatch(/Warning/);
    const summary = summaryIn(out);
    expect(summary.complete).toBe(false);
    expect(summary.sweep!.complete).toBe(false);
    const checked = summary.sweep!.cells.reduce((n, c) => n + Object.keys(c.verdicts).length, 0);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThan(18);
    expect(summary.sweep!.cells).toHaveLength(9);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain(`interrupted: incomplete, ${checked} of 18 cells checked`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(`interrupted: ${checked} of 18 cells checked`);
  });
});
