import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { InputError } from '../model/inputError.ts';
import { parseCampaignConfig } from '../properties/campaignConfig.ts';
import { exploreSectionSchema } from './exploreConfig.ts';
import { EXPLORE_PROFILES, NOT_EXPLORED } from './profiles.ts';
import { defaultSettleS, faultAlphabet, planExploration } from './planExploration.ts';
import { readExploreConfig } from './readExploreConfig.ts';
import { catalog } from '../properties/catalog/index.ts';

const small = readExploreConfig('examples/small.json');

describe('the explore section', () => {
  it('is part of the campaign config: check reads examples/small.json too', () => {
    const raw = JSON.parse(JSON.stringify(small));
    expect(parseCampaignConfig({ name: 'x', explore: raw.explore }).explore?.maxFaults).toBe(2);
  });

  it('names every bad field', () => {
    const result = v.safeParse(exploreSectionSchema, { ...small.explore, maxFaults: 9, granularityS: 1, faults: { crash: 'yes' } });
    expect(result.success).toBe(false);
    expect(() => parseCampaignConfig({ name: 'x', explore: { ...small.explore, maxFaults: 9 } })).toThrow(InputError);
  });

  it('rejects a grid finer than 1000 choice points', () => {
    expect(v.safeParse(exploreSectionSchema, { ...small.explore, horizonS: 100_000, granularityS: 1 }).success).toBe(false);
  });
});

describe('planning the explorations', () => {
  const plan = planExploration(small.explore, small.name);

  it('every catalog property is explored or says why not', () => {
    const explored = new Set(EXPLORE_PROFILES.map((p) => p.propertyId));
    for (const property of catalog) expect(explored.has(property.id) || property.id in NOT_EXPLORED, property.id).toBe(true);
  });

  it('groups properties that share a policy, faults, hypothesis and scope into one search', () => {
    expect(plan.spaces.map((s) => [s.label, s.properties.map((p) => p.definition.id + (p.variant ? ` (${p.variant.label})` : ''))])).toEqual([
      ['parallel; crash; states merged', ['single-instance-never-down', 'multi-instance-correlated-failure']],
      ['parallel; crash, rack-failure; failures inside one fault domain: at most 2 crashes, or the whole rack; states merged', ['multi-instance-never-fully-down']],
      ['parallel; heartbeat-loss, crash; states merged', ['no-duplicate-running-instance']],
      ['parallel, fencing off; heartbeat-loss, crash; states merged', ['no-duplicate-running-instance (fencing off)']],
      ['parallel; crash, heartbeat-loss, rack-failure; whole runs', ['capacity-and-spread-respected', 'alert-raised-in-time']],
      ['parallel; crash, heartbeat-loss; whole runs', ['recovery-eventually-completes']],
      ['parallel; crash, rack-failure; failures inside one fault domain: at most 2 crashes, or the whole rack; whole runs', ['parallel-recovery-bounded']],
      ['serial; crash, rack-failure; failures inside one fault domain: at most 2 crashes, or the whole rack; whole runs', ['serial-recovery-bounded']],
    ]);
  });

  it('draws each search\'s faults from what the config allows and the hypothesis uses', () => {
    const labels = faultAlphabet(small.explore, small.explore.topology, ['crash', 'heartbeat-loss', 'rack-failure']).map((c) => c.label);
    expect(labels).toHaveLength(6 + 12 + 2);
    expect(labels).toContain('heartbeat-loss d2 1800s');
    expect(labels).toContain('rack-failure fd1');
  });

  it('runs every schedule long enough to settle, and the bound can be overridden', () => {
    expect(plan.bound).toEqual({ maxFaults: 2, horizonS: 3600, granularityS: 300, settleS: defaultSettleS(small.explore) });
    expect(plan.spaces[0]!.scenario.horizonS).toBe(3600 + defaultSettleS(small.explore));
    expect(planExploration(small.explore, small.name, { maxFaults: 1, horizonS: 1200, granularityS: 600 }).bound).toMatchObject({ maxFaults: 1, horizonS: 1200, granularityS: 600 });
  });

  it('a property whose apps are absent is not explored, with the reason', () => {
    const noSolo = { ...small.explore, topology: { ...small.explore.topology, apps: small.explore.topology.apps.filter((a) => a.id !== 'solo') } };
    const chosen = planExploration(noSolo, 'x', { properties: ['single-instance-never-down'] });
    expect(chosen.spaces).toEqual([]);
    expect(chosen.notExplored).toEqual([{ propertyId: 'single-instance-never-down', variant: null, reason: 'no app with one instance per role' }]);
  });
});
