/**
 * A cluster's own properties replay from their counterexample files alone: the file carries
 * what the check judges by (eviction-rate-limited: the node lifecycle rules and the zones'
 * names), the replay reproduces the violation to the letter, and a file without it is refused
 * naming the field.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { healingPolicyNamed } from '../model/policy.ts';
import { InputError } from '../model/inputError.ts';
import type { Scenario } from '../model/scenario.ts';
import { checkProperty } from '../properties/checkProperty.ts';
import { parseCounterexample } from '../properties/counterexample.ts';
import { replayCounterexample } from '../properties/replay.ts';
import { readCluster } from './clusterModel.ts';
import { clusterProperties } from './clusterProperties.ts';
import { EVICTION_RATE_PROPERTY_ID } from './evictionRateLimited.ts';

const SEED = 20090313;

describe('a cluster property replayed from its file', () => {
  it(`eviction-rate-limited broken under parallel healing (seed ${SEED}) replays alone, and not without its zones`, () => {
    const cluster = readCluster(join('examples', 'cluster'));
    const property = clusterProperties(cluster).find((p) => p.id === EVICTION_RATE_PROPERTY_ID)!;
    // Parallel healing evicts a dark zone's nodes at once: the cluster's rules broken on purpose.
    const parallel = { label: 'parallel', policy: {}, expectation: 'fails' as const, adjust: (s: Scenario): Scenario => ({ ...s, policy: { ...s.policy, healing: healingPolicyNamed('parallel') } }) };
    const result = checkProperty(property, { seed: SEED, runs: 200, variant: parallel });
    expect(result.verdict).toBe('fails');
    const file = parseCounterexample(JSON.parse(JSON.stringify(result.counterexample)));
    expect(file.zones).toEqual({ rules: expect.objectContaining({ evictionRatePerS: 0.1 }), names: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'] });
    const replay = replayCounterexample(file);
    expect(replay.reproduced).toBe(true);
    expect(replay.violation!.expected).toContain('europe-west1-');
    // A rate slow enough for any gap: the same story no longer breaks it.
    const lenient = { ...file, zones: { ...file.zones!, rules: { ...file.zones!.rules, evictionRatePerS: 1000, secondaryEvictionRatePerS: 1000, largeClusterSizeThreshold: 0 } } };
    expect(replayCounterexample(lenient).reproduced).toBe(false);
    const { zones: _, ...withoutZones } = file;
    expect(() => replayCounterexample(parseCounterexample(withoutZones))).toThrow(InputError);
    expect(() => replayCounterexample(parseCounterexample(withoutZones))).toThrow(/zones: expected the node lifecycle rules and zone names/);
  });
});
