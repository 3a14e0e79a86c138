/**
 * The figures beside a campaign report: `check` keeps seed-robustness.json when it rewrites the
 * folder and draws its section; the benchmark re-renders a folder's report after writing it.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../reports/summarize.ts';
import { writeCampaignReports } from '../reports/writeCampaignReports.ts';
import { writeJsonAtomically } from './writeJsonAtomically.ts';
import { SEED_ROBUSTNESS_FILE, readSeedRobustness } from './seedsFile.ts';
import { addSeedRobustnessToReport } from './seedsReport.ts';
import { seedRobustness } from './seedsSummary.ts';

const emptyCampaign = summarize({ results: [], tasks: [], coverage: [], complete: true, durationMs: 0 }, { name: 'empty', seed: 1, runs: null, shard: null });
const figures = seedRobustness([{ seed: 9, verdicts: [{ id: 'single-instance-never-down', variant: null, expected: 'fails', verdict: 'fails', minimal: true }], coverage: [] }], { complete: true, runs: null, durationMs: 1 });

describe('seed robustness beside a campaign report', () => {
  it('check keeps the file and draws its section', () => {
    const out = mkdtempSync(join(tmpdir(), 'fabric-verify-seeds-'));
    writeJsonAtomically(join(out, SEED_ROBUSTNESS_FILE), figures);
    writeCampaignReports(out, emptyCampaign, []);
    expect(readSeedRobustness(out)).toEqual(figures);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<section id="seed-robustness">');
  });

  it('the benchmark re-renders a folder that holds a campaign report, and leaves any other alone', () => {
    const out = mkdtempSync(join(tmpdir(), 'fabric-verify-seeds-'));
    writeCampaignReports(out, emptyCampaign, []);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('seed-robustness');
    writeJsonAtomically(join(out, SEED_ROBUSTNESS_FILE), figures);
    expect(addSeedRobustnessToReport(out, figures)).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('1 of 1 verdicts as expected');
    const bare = mkdtempSync(join(tmpdir(), 'fabric-verify-seeds-'));
    expect(addSeedRobustnessToReport(bare, figures)).toBe(false);
    expect(existsSync(join(bare, 'index.html'))).toBe(false);
  });

  it('an unreadable or foreign file is left out of the page, not fatal', () => {
    const out = mkdtempSync(join(tmpdir(), 'fabric-verify-seeds-'));
    writeJsonAtomically(join(out, SEED_ROBUSTNESS_FILE), { format: 'something else' });
    expect(readSeedRobustness(out)).toBeNull();
  });
});
