/**
 * The seed-robustness benchmark end to end, small: one seed at one run (cap 1: no run added) on the worker pool
 * (every task of the campaign judged, coverage recorded), and Ctrl-C: what finished is written,
 * marked incomplete, whole seeds only.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../properties/campaignConfig.ts';
import { campaignTasks } from '../properties/campaign.ts';
import { runSeedsBench } from './seedsRobustness.ts';
import type { SeedRobustness } from './seedsSummary.ts';

const outFile = () => join(mkdtempSync(join(tmpdir(), 'fabric-verify-bench-seeds-')), 'seed-robustness.json');

describe('bench:seeds', () => {
  it('judges every campaign task on every seed, with each machine’s coverage', async () => {
    const out = outFile();
    const summary = await runSeedsBench({ seeds: [7], runs: 1, coverageCap: 1, workers: 1, out, progress: false });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(summary);
    expect(summary).toMatchObject({ complete: true, seeds: [7], runs: 1, verdicts: { total: campaignTasks(DEFAULT_CONFIG).length } });
    expect(summary.properties).toHaveLength(campaignTasks(DEFAULT_CONFIG).length);
    expect(summary.machines.map((m) => m.id)).toContain('controller');
    expect(summary.machines.every((m) => m.statesMin.total > 0)).toBe(true);
  });

  it('interrupted, writes what finished, marked incomplete', async () => {
    const out = outFile();
    const summary = await runSeedsBench({ seeds: [1, 2, 3], runs: 1, coverageCap: 1, workers: 1, out, progress: false, shouldStop: () => true });
    const written = JSON.parse(readFileSync(out, 'utf8')) as SeedRobustness;
    expect(written.complete).toBe(false);
    expect(written).toEqual(summary);
    // Only whole seeds: every seed listed has every task's verdict.
    expect(written.verdicts.total).toBe(written.seeds.length * campaignTasks(DEFAULT_CONFIG).length);
  });
});
