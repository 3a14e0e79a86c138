/**
 * `fabric-verify check` and its regression database, run as a user runs it: the stored
 * counterexamples are replayed first and reported apart (printed, summary.json, summary.md),
 * a still-failing one fails its property though the runs found nothing, and a corrupt entry
 * is reported and skipped.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleInstanceNeverDown } from '../properties/catalog/singleInstanceNeverDown.ts';
import { checkProperty } from '../properties/checkProperty.ts';
import { storeRegression } from '../properties/regressions/regressionDatabase.ts';
import { DEFAULT_SEED } from '../properties/seeds.ts';
import type { CampaignSummary } from '../reports/summary.ts';
import { fabricVerify } from './cliProcess.ts';
import { EXIT_OK } from './exitCodes.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fabric-verify-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A seed whose one run does not break the property. */
function seedThatMissesIt(): number {
  for (let seed = 1; seed < 100; seed++) if (checkProperty(singleInstanceNeverDown, { seed, runs: 1 }).verdict !== 'fails') return seed;
  throw new Error('every seed finds a counterexample in one run');
}

describe('fabric-verify check with a regression database', () => {
  it('replays the stored counterexamples first, reports them apart, and fails on one the runs did not find', async () => {
    const folder = join(dir, 'regressions');
    const stored = storeRegression(folder, checkProperty(singleInstanceNeverDown, { seed: DEFAULT_SEED }).counterexample!);
    writeFileSync(join(folder, 'corrupt.json'), 'not json');
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ name: 'regressions', regressions: folder }));
    const out = join(dir, 'out');
    const outcome = await fabricVerify('check', '--config', config, '--property', singleInstanceNeverDown.id, '--runs', '1', '--seed', String(seedThatMissesIt()), '--no-swarm', '--workers', '1', '--out', out);
    expect(outcome.status, outcome.stderr).toBe(EXIT_OK);
    // Replayed before the runs.
    expect(outcome.stderr.indexOf('replayed 1 stored counterexample: 1 still fails')).toBeLessThan(outcome.stderr.indexOf('[1/1]'));
    expect(outcome.stdout).toMatch(/│ single-instance-never-down │ fails\s+│ ✓ fails │\s+1 │/);
    expect(outcome.stdout).toContain(`Regressions (${folder}): replayed 1 stored counterexample: 1 still fails; 0 counterexamples of this campaign stored.`);
    expect(outcome.stdout).toContain(`still fails: single-instance-never-down  ${basename(stored)}`);
    expect(outcome.stdout).toContain(`skipped corrupt.json: does not parse: (top level): expected valid JSON`);

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as CampaignSummary;
    expect(summary.campaign.swarm).toBe(false);
    expect(summary.properties[0]).toMatchObject({ verdict: 'fails', matches: true, runs: 1, path: null, counterexample: { regression: stored, minimal: true } });
    expect(summary.regressions).toMatchObject({ folder, replayed: 1, stillFailing: 1, stored: [] });
    expect(summary.regressions!.entries).toMatchObject([{ file: basename(stored), property: singleInstanceNeverDown.id, variant: null, stillFails: true }]);
    expect(summary.regressions!.skipped).toEqual([{ file: 'corrupt.json', reason: expect.stringMatching(/^does not parse: /) }]);
    const markdown = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(markdown).toContain('## Regressions');
    expect(markdown).toContain(`Before the runs, replayed 1 stored counterexample: 1 still fails (from \`${folder}\`)`);
    expect(markdown).toContain(`| \`${basename(stored)}\` | single-instance-never-down | yes |`);
  });
});
