/**
 * The command line must be trustworthy: the same seed gives the same summary whatever the
 * process or worker count, and Ctrl-C stops a campaign promptly with an honest partial report.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../reports/summary.ts';
import { PROJECT_ROOT, fabricVerify } from './cliProcess.ts';
import { EXIT_INTERRUPTED, EXIT_OK } from './exitCodes.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fabric-verify-trust-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** summary.json without its timing fields, the only ones allowed to differ. */
function timeless(out: string): string {
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as CampaignSummary;
  // Each process has a regression database of its own: where it is may differ, not what it says.
  const regressions = summary.regressions ? { ...summary.regressions, folder: '(per process)' } : summary.regressions;
  return JSON.stringify({ ...summary, regressions, durationMs: 0, properties: summary.properties.map((p) => ({ ...p, durationMs: 0 })) }, null, 2);
}

describe('determinism across processes and worker counts', () => {
  it('two processes, one and two workers, give byte-identical summaries but for timings', async () => {
    const args = ['check', '--property', 'serial-recovery-bounded', '--property', 'false-positive-churn-bounded', '--property', 'no-duplicate-running-instance', '--runs', '30'];
    const runs = await Promise.all([
      fabricVerify(...args, '--workers', '1', '--out', join(dir, 'a')),
      fabricVerify(...args, '--workers', '2', '--out', join(dir, 'b')),
      fabricVerify(...args, '--workers', '2', '--out', join(dir, 'c')),
    ]);
    expect(runs.map((r) => r.status)).toEqual([EXIT_OK, EXIT_OK, EXIT_OK]);
    expect(timeless(join(dir, 'b'))).toBe(timeless(join(dir, 'a')));
    expect(timeless(join(dir, 'c'))).toBe(timeless(join(dir, 'a')));
    expect(readFileSync(join(dir, 'b', 'counterexamples', 'serial-recovery-bounded.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'a', 'counterexamples', 'serial-recovery-bounded.json'), 'utf8'),
    );
  });
});

describe('an interrupted campaign', () => {
  it('Ctrl-C stops within a second, writes what finished marked incomplete, and exits 130', async () => {
    const out = join(dir, 'interrupted');
    const child = spawn(process.execPath, ['bin/fabric-verify.js', 'check', '--runs', '400', '--workers', '2', '--out', out], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, FV_REGRESSIONS: join(dir, 'regressions') },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Interrupt once the campaign is under way (a first check has reported).
    await new Promise<void>((resolve) => child.stderr.on('data', () => /\[\d+\/\d+\]/.test(stderr) && resolve()));
    const signalledAt = performance.now();
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const tookMs = performance.now() - signalledAt;
    expect(status).toBe(EXIT_INTERRUPTED);
    // It stops well within a second on an idle machine; the margin absorbs a CI machine whose two
    // cores are busy with other test files at that moment.
    expect(tookMs).toBeLessThan(3000);
    expect(stderr).toContain('interrupted; writing the report of what finished');
    // A campaign of 32 tasks on one abort signal is not a listener leak: Node must not say so.
    expect(stderr).not.toMatch(/Warning/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as CampaignSummary;
    expect(summary.complete).toBe(false);
    expect(summary.properties.length).toBeGreaterThan(0);
    expect(summary.properties.length).toBeLessThan(32);
  });
});
