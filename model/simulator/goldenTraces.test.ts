/**
 * Speed work on the simulator and the controller must not change a single decision: the
 * traces of a fixed corpus (goldenCorpus.ts: 240 generated scenarios over every fault kind
 * and built-in policy, and the incident at 40 and 150 servers under each policy) hash to the
 * value recorded before the indexes went in (scale half of issue 15).
 */
import { describe, expect, it } from 'vitest';
import { GOLDEN_SEED, goldenHash, goldenScenarios, goldenTraceHashes } from './goldenCorpus.ts';

/** Recorded on main at eafd371, before the simulator's indexes; re-recorded on branch seeds when the controller started adopting stray copies (a decision change, not speed work). Run: npx tsx model/simulator/goldenCorpus.ts. */
const GOLDEN = '648af33aeeb256ee1616c70e343d9b33611a8c0f1df8c3f40f611dea834c7f9a';

describe(`golden traces (seed ${GOLDEN_SEED})`, () => {
  it('every trace of the corpus is byte-identical to the one recorded before the speed work', () => {
    const scenarios = goldenScenarios();
    expect(scenarios.length).toBe(254);
    expect(goldenHash(goldenTraceHashes(scenarios))).toBe(GOLDEN);
  });
});
