/**
 * The regression database in a campaign: a stored counterexample is replayed before any run
 * and fails its property again even when the runs would not find it; what the runs find is
 * stored, once; entries that do not parse, or whose property or variant no longer exists, are
 * reported and skipped without stopping the campaign.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCampaign } from '../campaign.ts';
import type { CampaignConfig } from '../campaignConfig.ts';
import { singleInstanceNeverDown } from '../catalog/singleInstanceNeverDown.ts';
import { checkProperty } from '../checkProperty.ts';
import { DEFAULT_SEED } from '../seeds.ts';
import { runCampaignWithRegressions } from './regressionCampaign.ts';
import { regressionFileName, storeRegression } from './regressionDatabase.ts';

const folders: string[] = [];
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'fabric-verify-regression-campaign-'));
  folders.push(folder);
  return folder;
}
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const ID = singleInstanceNeverDown.id;
const config: CampaignConfig = { name: 'regressions', campaign: { properties: [ID] } };
/** A counterexample found the ordinary way, to store. */
const found = checkProperty(singleInstanceNeverDown, { seed: DEFAULT_SEED }).counterexample!;

/** A seed whose one run does not break the property: only a stored counterexample can fail it. */
async function seedThatMissesIt(): Promise<number> {
  for (let seed = 1; seed < 100; seed++) {
    const run = await runCampaign(config, { seed, runs: 1, shard: null });
    if (run.results[0]!.verdict !== 'fails') return seed;
  }
  throw new Error('every seed finds a counterexample in one run');
}

describe('a campaign with its regression database', () => {
  it('replays a stored counterexample first and fails on it in one run that finds nothing', async () => {
    const folder = freshFolder();
    const file = storeRegression(folder, found);
    const seed = await seedThatMissesIt();
    const run = await runCampaignWithRegressions(config, { seed, runs: 1, shard: null }, { folder });
    const [result] = run.results;
    expect(result).toMatchObject({ id: ID, verdict: 'fails', runs: 1, regression: file });
    expect(result!.counterexample!.scenario).toEqual(found.scenario);
    expect(result!.minimality?.minimal).toBe(true);
    expect(run.regressions).toMatchObject({ folder, replayed: 1, stillFailing: 1, skipped: [], stored: [] });
    expect(run.regressions.entries).toEqual([{ file: basename(file), property: ID, variant: null, stillFails: true, violation: found.violation }]);
    expect(readdirSync(folder)).toEqual([regressionFileName(found)]);
  });

  it('tells before the runs what it replayed', async () => {
    const folder = freshFolder();
    storeRegression(folder, found);
    const order: string[] = [];
    await runCampaignWithRegressions(config, { seed: 1, runs: 1, shard: null, onTaskStart: () => order.push('run') }, { folder, onReplayed: (replay) => order.push(`replayed ${replay.replayed.length}`) });
    expect(order).toEqual(['replayed 1', 'run']);
  });

  it('stores what its runs find, once, and a second campaign replays it', async () => {
    const folder = freshFolder();
    const first = await runCampaignWithRegressions(config, { seed: DEFAULT_SEED, runs: 100, shard: null }, { folder });
    expect(first.results[0]!.verdict).toBe('fails');
    expect(first.results[0]!.regression).toBeUndefined();
    expect(first.regressions.stored).toEqual([regressionFileName(first.results[0]!.counterexample!)]);
    const second = await runCampaignWithRegressions(config, { seed: DEFAULT_SEED, runs: 100, shard: null }, { folder });
    expect(second.regressions).toMatchObject({ replayed: 1, stillFailing: 1, stored: first.regressions.stored });
    expect(readdirSync(folder)).toHaveLength(1);
  });

  it('a stored counterexample that no longer fails is reported, and does not fail the property', async () => {
    const folder = freshFolder();
    const healed = storeRegression(folder, { ...found, scenario: { ...found.scenario, faults: [] } });
    const run = await runCampaignWithRegressions(config, { seed: await seedThatMissesIt(), runs: 1, shard: null }, { folder });
    expect(run.results[0]!.verdict).not.toBe('fails');
    expect(run.regressions).toMatchObject({ replayed: 1, stillFailing: 0 });
    expect(run.regressions.entries[0]).toMatchObject({ file: basename(healed), stillFails: false, violation: null });
  });

  it('reports and skips entries that do not parse, or whose property or variant no longer exists', async () => {
    const folder = freshFolder();
    const kept = storeRegression(folder, found);
    const unknownProperty = storeRegression(folder, { ...found, propertyId: 'no-such-property' });
    const unknownVariant = storeRegression(folder, { ...found, variant: 'no such variant' });
    writeFileSync(join(folder, 'corrupt.json'), '{ "format": "fabric-verify/counterexample@1", ');
    const run = await runCampaignWithRegressions(config, { seed: DEFAULT_SEED, runs: 10, shard: null }, { folder });
    expect(run.complete).toBe(true);
    expect(run.results[0]!.verdict).toBe('fails');
    expect(run.regressions.entries.map((e) => e.file)).toEqual([basename(kept)]);
    const skipped = Object.fromEntries(run.regressions.skipped.map((s) => [s.file, s.reason]));
    expect(skipped).toEqual({
      'corrupt.json': expect.stringMatching(/^does not parse: \(top level\): expected valid JSON/),
      [basename(unknownProperty)]: 'property "no-such-property" no longer exists',
      [basename(unknownVariant)]: `variant "no such variant" of ${ID} no longer exists`,
    });
  });
});
