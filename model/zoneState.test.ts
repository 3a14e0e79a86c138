import { describe, expect, it } from 'vitest';
import { kubernetesDefaults } from './policy.ts';
import { type ZoneState, zoneEvictionRatePerS, zoneState } from './zoneState.ts';

const rules = kubernetesDefaults;

describe('zoneState', () => {
  it('a zone with no ready node and some not ready is fully disrupted', () => {
    expect(zoneState(0, 1, rules)).toBe('FullDisruption');
    expect(zoneState(0, 2, rules)).toBe('FullDisruption');
  });

  it('an empty zone is normal', () => {
    expect(zoneState(0, 0, rules)).toBe('Normal');
  });

  it('is partially disrupted with more than two nodes not ready making at least the unhealthy share', () => {
    expect(zoneState(2, 3, rules)).toBe('PartialDisruption'); // 3/5 = 0.6
    expect(zoneState(9, 11, rules)).toBe('PartialDisruption'); // 11/20 = 0.55 exactly
  });

  it('stays normal below the unhealthy share or with two nodes or fewer not ready', () => {
    expect(zoneState(3, 3, rules)).toBe('Normal'); // 0.5
    expect(zoneState(1, 2, rules)).toBe('Normal'); // 2/3, but only two not ready
    expect(zoneState(10, 0, rules)).toBe('Normal');
  });

  it('reads the unhealthy share from the rules', () => {
    expect(zoneState(2, 3, { unhealthyZoneThreshold: 0.7 })).toBe('Normal');
  });
});

describe('zoneEvictionRatePerS', () => {
  const rate = (state: ZoneState, zoneSize: number, everyZoneFull = false) => zoneEvictionRatePerS(state, zoneSize, everyZoneFull, rules);

  it('evicts at the normal rate in a normal or a fully disrupted zone', () => {
    expect(rate('Normal', 10)).toBe(0.1);
    expect(rate('FullDisruption', 10)).toBe(0.1);
  });

  it('a partially disrupted zone evicts at the secondary rate only when larger than the large-cluster threshold', () => {
    expect(rate('PartialDisruption', 51)).toBe(0.01);
    expect(rate('PartialDisruption', 50)).toBe(0);
    expect(rate('PartialDisruption', 5)).toBe(0);
  });

  it('evicts nothing anywhere when every zone is fully disrupted', () => {
    for (const state of ['Normal', 'PartialDisruption', 'FullDisruption'] as const) expect(rate(state, 100, true)).toBe(0);
  });
});
